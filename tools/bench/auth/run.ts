// Auth benchmark (issue 4 item 6): logins per second and latency with the
// argon2 parameters user-service really uses, and how much a login storm
// delays /healthz (argon2 must hash on the thread pool, not on the event loop).
//
//   npm run bench:auth                       build user-service, then measure
//   npm run bench:auth -- --skip-build       use dist/ as it is
//   BENCH_USERS=20 BENCH_CONCURRENCY=8 BENCH_SECONDS=10 BENCH_MAX_LOGINS=3000 npm run bench:auth
//
// Loopback only. Starts the built user-service on a free port against a
// throwaway database (created, migrated, dropped) and a unique Redis prefix
// (deleted), runs for a bounded time, and stops by itself.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as argon2 from 'argon2';
import { Redis } from 'ioredis';
import pg from 'pg';

const root = path.resolve(__dirname, '../../..');
const args = new Set(process.argv.slice(2));
const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const USERS = envInt('BENCH_USERS', 20);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 8);
const STORM_SECONDS = envInt('BENCH_SECONDS', 10);
const MAX_LOGINS = envInt('BENCH_MAX_LOGINS', 3000);
const HEALTH_SAMPLES_AT_REST = 200;
const HEALTH_INTERVAL_MS = 10;
const ADMIN_URL = process.env['POSTGRES_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'correct horse battery staple';

const say = (msg: string) => process.stderr.write(`[bench:auth] ${msg}\n`);

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.href;
}

async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(ADMIN_URL, name);
  const migrationsDir = path.join(root, 'apps/user-service/prisma/migrations');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Prisma names migration folders by UTC timestamp: name order is apply order.
    for (const folder of readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      await client.query(readFileSync(path.join(migrationsDir, folder, 'migration.sql'), 'utf8'));
    }
  } finally {
    await client.end();
  }
  return url;
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Reply {
  status: number;
  body: string;
  ms: number;
}

function call(agent: http.Agent, port: number, method: string, urlPath: string, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent,
        timeout: 30_000,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilReady(port: number, child: ChildProcess): Promise<void> {
  const agent = new http.Agent();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`user-service exited with code ${child.exitCode}`);
    const ready = await call(agent, port, 'GET', '/readyz').then((r) => r.status === 200, () => false);
    if (ready) return;
    await sleep(200);
  }
  throw new Error('user-service was not ready within 30 s');
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Runs `task` for items with at most `limit` in flight. */
async function inPool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

/** /healthz latency, one request at a time every HEALTH_INTERVAL_MS, until `until` says stop (or `count` samples). */
async function probeHealth(port: number, until: () => boolean, count = Infinity): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  while (!until() && samples.length < count) {
    const reply = await call(agent, port, 'GET', '/healthz');
    if (reply.status !== 200) throw new Error(`/healthz answered ${reply.status}`);
    samples.push(reply.ms);
    await sleep(HEALTH_INTERVAL_MS);
  }
  agent.destroy();
  return samples;
}

interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/**
 * The service's own event-loop delay (prom-client's monitorEventLoopDelay
 * histogram, in ms), over the window since the previous scrape: each scrape
 * resets the histogram. The figures include the 10 ms sampling interval.
 */
async function scrapeLoopDelay(port: number): Promise<LoopDelay> {
  const reply = await call(new http.Agent(), port, 'GET', '/metrics');
  const read = (name: string) => {
    const match = new RegExp(`^nodejs_eventloop_lag_${name}_seconds(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(reply.body);
    return match ? Number(match[1]) * 1000 : Number.NaN;
  };
  return { p50: read('p50'), p99: read('p99'), max: read('max') };
}

/** What argon2 alone sustains in this process with the same parameters: the ceiling for logins/s. */
async function argon2Ceiling(hash: string): Promise<number> {
  const [, variant, , params] = hash.split('$');
  if (variant !== 'argon2id') return Number.NaN;
  const values = Object.fromEntries(params.split(',').map((kv) => kv.split('=').map(String)));
  const options = { type: argon2.argon2id, memoryCost: Number(values.m), timeCost: Number(values.t), parallelism: Number(values.p) };
  const reference = await argon2.hash(PASSWORD, options);
  const verifies = 32;
  const started = performance.now();
  await Promise.all(Array.from({ length: verifies }, () => argon2.verify(reference, PASSWORD)));
  return verifies / ((performance.now() - started) / 1000);
}

function argon2Parameters(hash: string): string {
  // PHC string: $argon2id$v=19$m=19456,t=2,p=1$salt$hash
  const [, variant, , params] = hash.split('$');
  if (!variant?.startsWith('argon2')) return `unknown (${hash.slice(0, 12)}...)`;
  const values = Object.fromEntries(params.split(',').map((kv) => kv.split('=')));
  return `${variant}, m=${Math.round(Number(values.m) / 1024)} MiB (${values.m} KiB), t=${values.t}, p=${values.p}`;
}

async function main(): Promise<void> {
  const runId = randomBytes(4).toString('hex');
  const database = `pp_bench_auth_${runId}`;
  const redisPrefix = `bench:auth:${runId}`;
  let child: ChildProcess | undefined;
  let databaseCreated = false;

  const cleanup = async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([once(child, 'exit'), sleep(15_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (databaseCreated) await dropDatabase(database).catch((e: unknown) => say(`could not drop ${database}: ${String(e)}`));
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } catch (error) {
      say(`could not delete Redis keys ${redisPrefix}*: ${String(error)}`);
    } finally {
      redis.disconnect();
    }
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    const main = path.join(root, 'dist/apps/user-service/main.js');
    if (!args.has('--skip-build')) {
      say('building user-service (nx build user-service)');
      const build = spawnSync('npx', ['nx', 'build', 'user-service', '--outputStyle=static'], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      });
      if (build.status !== 0) throw new Error('nx build user-service failed');
    }
    if (!existsSync(main)) throw new Error(`${main} does not exist; run without --skip-build`);

    say(`creating database ${database}`);
    const databaseUrl = await createDatabase(database);
    databaseCreated = true;
    const port = await freePort();
    const privateKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    child = spawn(process.execPath, [main], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        REDIS_URL,
        JWT_PRIVATE_KEY: privateKey,
        RATE_LIMIT_PREFIX: redisPrefix,
        // The storm comes from one address: lift the per-IP limits, keep the code path.
        RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '1000000',
        RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR: '1000000',
      },
    });
    await waitUntilReady(port, child);
    say(`user-service ready on 127.0.0.1:${port} (pid ${child.pid})`);

    await scrapeLoopDelay(port);
    const healthAtRest = await probeHealth(port, () => false, HEALTH_SAMPLES_AT_REST);
    const loopAtRest = await scrapeLoopDelay(port);

    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const users = Array.from({ length: USERS }, (_, i) => `bench_${runId}_${i}`);
    const signupStarted = performance.now();
    await inPool(users, CONCURRENCY, async (username) => {
      const reply = await call(agent, port, 'POST', '/api/auth/signup', { username, email: `${username}@bench.test`, password: PASSWORD });
      if (reply.status !== 201) throw new Error(`signup ${username} answered ${reply.status}: ${reply.body}`);
    });
    const signupSeconds = (performance.now() - signupStarted) / 1000;

    const hashRow = await (async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query<{ password_hash: string }>('SELECT password_hash FROM users LIMIT 1')).rows[0];
      } finally {
        await client.end();
      }
    })();

    const ceiling = await argon2Ceiling(hashRow?.password_hash ?? '');

    await scrapeLoopDelay(port);
    say(`login storm: ${CONCURRENCY} in flight, up to ${STORM_SECONDS} s or ${MAX_LOGINS} logins`);
    const latencies: number[] = [];
    let failures = 0;
    let issued = 0;
    let stormOver = false;
    const deadline = performance.now() + STORM_SECONDS * 1000;
    const stormStarted = performance.now();
    const healthDuringStorm = probeHealth(port, () => stormOver);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline && issued < MAX_LOGINS) {
          const username = users[issued++ % users.length];
          const reply = await call(agent, port, 'POST', '/api/auth/login', { identifier: username, password: PASSWORD });
          if (reply.status === 200) latencies.push(reply.ms);
          else if (failures++ === 0) say(`login answered ${reply.status}: ${reply.body}`);
        }
      }),
    );
    const stormSeconds = (performance.now() - stormStarted) / 1000;
    stormOver = true;
    const healthStorm = await healthDuringStorm;
    const loopInStorm = await scrapeLoopDelay(port);
    agent.destroy();

    const login = summary(latencies);
    const rest = summary(healthAtRest);
    const storm = summary(healthStorm);
    const ms = (v: number) => `${v.toFixed(2)} ms`;
    const rows: [string, string][] = [
      ['argon2 parameters in use', argon2Parameters(hashRow?.password_hash ?? '')],
      ['machine', `${process.platform} ${process.arch}, Node ${process.version}, ${os.availableParallelism()} CPUs, UV_THREADPOOL_SIZE=${process.env['UV_THREADPOOL_SIZE'] ?? '4 (default)'}`],
      ['sign-ups', `${USERS} in ${signupSeconds.toFixed(2)} s (${(USERS / signupSeconds).toFixed(1)}/s)`],
      ['login storm', `${login.n} ok, ${failures} failed, ${CONCURRENCY} concurrent, ${stormSeconds.toFixed(2)} s`],
      ['logins per second', (login.n / stormSeconds).toFixed(1)],
      ['argon2 verify alone (bench process, same parameters)', `${ceiling.toFixed(1)}/s`],
      ['login latency p50 / p99 / max', `${ms(login.p50)} / ${ms(login.p99)} / ${ms(login.max)}`],
      ['/healthz at rest p50 / p99 / max', `${ms(rest.p50)} / ${ms(rest.p99)} / ${ms(rest.max)} (${rest.n} samples)`],
      ['/healthz during storm p50 / p99 / max', `${ms(storm.p50)} / ${ms(storm.p99)} / ${ms(storm.max)} (${storm.n} samples)`],
      ['/healthz added by the storm p50 / p99', `${ms(storm.p50 - rest.p50)} / ${ms(storm.p99 - rest.p99)}`],
      ['event-loop delay at rest p50 / p99 / max', `${ms(loopAtRest.p50)} / ${ms(loopAtRest.p99)} / ${ms(loopAtRest.max)} (incl. 10 ms sampling)`],
      ['event-loop delay in storm p50 / p99 / max', `${ms(loopInStorm.p50)} / ${ms(loopInStorm.p99)} / ${ms(loopInStorm.max)} (incl. 10 ms sampling)`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\n| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|`);
    for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
    if (failures > 0) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
