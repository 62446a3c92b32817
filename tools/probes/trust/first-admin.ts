// Item 1 of issue #17, scripted: the first-admin bootstrap must never promote
// an account somebody else created. It needs a restart with ADMIN_* set, so
// it cannot be probed on the running platform: this script starts a built
// user-service of its own (any checkout's, PROBE_ROOT; default this one) on a
// free loopback port against a throwaway database, lets a squatter sign up
// with the username an operator will configure, restarts the service with
// ADMIN_USERNAME/ADMIN_EMAIL/ADMIN_PASSWORD, and reads the squatter's role.
//
//   npm run probe:trust-first-admin                         this checkout's dist/
//   PROBE_ROOT=/work/other-checkout npm run probe:trust-first-admin
//
// Everything it makes (database, RabbitMQ vhost, Redis keys under its own
// prefixes, the process) is removed at the end, also on failure or Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { runBench } from '../../bench/lib/cleanup';
import { createBenchDatabase } from '../../bench/lib/postgres';
import { createRabbitVhost } from '../../bench/lib/rabbit';
import { freePort, workspaceRoot } from '../../bench/lib/services';
import { printTable } from '../../bench/lib/table';
import { parseJson, request, sleep } from './lib/net';

const say = (msg: string) => process.stderr.write(`[probe:trust-first-admin] ${msg}\n`);
const root = path.resolve(process.env['PROBE_ROOT'] ?? workspaceRoot);
const REDIS_URL = process.env['PROBE_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

interface UserService {
  base: URL;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startUserService(env: Record<string, string>, log: string[]): Promise<UserService> {
  const port = await freePort();
  const main = path.join(root, 'dist/apps/user-service/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build user-service in ${root} first`);
  const child = spawn(process.execPath, [main], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env, HOST: '127.0.0.1', PORT: String(port) },
  });
  for (const stream of [child.stdout, child.stderr]) stream?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  const base = new URL(`http://127.0.0.1:${port}`);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`user-service exited with code ${child.exitCode}: ${log.join('').slice(-800)}`);
    const ready = await request(base, '/readyz', { timeoutMs: 2_000 }).then((r) => r.status === 200, () => false);
    if (ready) return { base, child, stop };
    await sleep(250);
  }
  await stop();
  throw new Error(`user-service was not ready within 60 s: ${log.join('').slice(-800)}`);
}

async function role(base: URL, identifier: string, password: string): Promise<string> {
  const reply = await request(base, '/api/auth/login', { method: 'POST', body: { identifier, password } });
  if (reply.status !== 200) return `login ${reply.status}`;
  return parseJson<{ user: { role: string } }>(reply)?.user.role ?? 'no role in the answer';
}

runBench(say, async ({ runId, cleanup }) => {
  say(`user-service from ${root}`);
  const database = await createBenchDatabase({
    label: 'trust_admin',
    runId,
    migrationsDir: path.join(root, 'apps/user-service/prisma/migrations'),
    onCreated: (db) => cleanup.add(`drop ${db.name}`, () => db.drop()),
  });
  const vhost = createRabbitVhost(`trust-admin-${runId}`, AMQP_URL);
  cleanup.add('delete the RabbitMQ vhost', () => vhost.remove());
  const redisPrefix = `trust-probe-${runId}:`;
  cleanup.add('delete the Redis keys', async () => {
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL,
    AMQP_URL: vhost.url,
    RATE_LIMIT_PREFIX: `${redisPrefix}ratelimit`,
    AUTH_REVOCATION_PREFIX: `${redisPrefix}revoked:`,
  };

  const operator = { username: `opadmin${runId}`, email: `operator-${runId}@probe.peerprep.local`, password: `Operator-${runId}-pw1` };
  const squatter = { username: operator.username, email: `squatter-${runId}@probe.peerprep.local`, password: `Squatter-${runId}-pw1` };

  const log: string[] = [];
  const first = await startUserService(env, log);
  cleanup.add('stop user-service', () => first.stop());
  const signup = await request(first.base, '/api/auth/signup', { method: 'POST', body: squatter });
  say(`squatter signs up as ${squatter.username}: HTTP ${signup.status}`);
  await first.stop();

  const restartLog: string[] = [];
  const second = await startUserService({ ...env, ADMIN_USERNAME: operator.username, ADMIN_EMAIL: operator.email, ADMIN_PASSWORD: operator.password }, restartLog);
  cleanup.add('stop user-service', () => second.stop());
  const squatterRole = await role(second.base, squatter.username, squatter.password);
  const operatorRole = await role(second.base, operator.email, operator.password);
  await second.stop();

  printTable(
    ['item', 'probe', 'expected (safe)', 'observed', 'verdict'],
    [
      [
        '1',
        `squatter signs up as ADMIN_USERNAME (${signup.status}), user-service restarted with ADMIN_*`,
        'squatter never promoted',
        `squatter's role: ${squatterRole}; operator's own login: ${operatorRole}`,
        squatterRole === 'ADMIN' ? 'UNSAFE' : 'SAFE',
      ],
    ],
  );
});
