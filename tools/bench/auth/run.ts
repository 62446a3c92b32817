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
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as argon2 from 'argon2';
import { runBench, type BenchRun } from '../lib/cleanup';
import { call } from '../lib/http';
import { probeHealth } from '../lib/health';
import { envInt, progress } from '../lib/options';
import { createBenchDatabase, withClient } from '../lib/postgres';
import { deleteRedisKeys, REDIS_URL } from '../lib/redis';
import { buildApps, startBuiltService, workspaceRoot } from '../lib/services';
import { ms, summary } from '../lib/stats';
import { printTable } from '../lib/table';

const args = new Set(process.argv.slice(2));
const USERS = envInt('BENCH_USERS', 20);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 8);
const STORM_SECONDS = envInt('BENCH_SECONDS', 10);
const MAX_LOGINS = envInt('BENCH_MAX_LOGINS', 3000);
const HEALTH_SAMPLES_AT_REST = 200;
const PASSWORD = 'correct horse battery staple';

const say = progress('bench:auth');

/** Runs `task` for items with at most `limit` in flight. */
async function inPool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
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

async function main({ runId, cleanup }: BenchRun): Promise<void> {
  const redisPrefix = `bench:auth:${runId}`;

  buildApps(['user-service'], say, args.has('--skip-build'));
  const database = await createBenchDatabase({
    label: 'auth',
    runId,
    migrationsDir: path.join(workspaceRoot, 'apps/user-service/prisma/migrations'),
    onCreated: (db) => {
      say(`created database ${db.name}`);
      cleanup.add(`drop database ${db.name}`, db.drop);
    },
  });
  const databaseUrl = database.url;
  const privateKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  cleanup.add(`delete Redis keys ${redisPrefix}*`, () => deleteRedisKeys(redisPrefix));
  const service = await startBuiltService({
    project: 'user-service',
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      JWT_PRIVATE_KEY: privateKey,
      RATE_LIMIT_PREFIX: redisPrefix,
      // The storm comes from one address: lift the per-IP limits, keep the code path.
      RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '1000000',
      RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR: '1000000',
    },
  });
  cleanup.add('stop user-service', service.stop);
  const port = service.port;
  say(`user-service ready on 127.0.0.1:${port} (pid ${service.pid})`);

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

  const hashRow = await withClient(
    databaseUrl,
    async (client) => (await client.query<{ password_hash: string }>('SELECT password_hash FROM users LIMIT 1')).rows[0],
  );

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
  console.log('');
  printTable(['measure', 'value'], rows);
  if (failures > 0) process.exitCode = 1;
}

runBench(say, main);
