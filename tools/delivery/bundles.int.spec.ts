import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { queryRows, TEST_DATABASE_PREFIX, uniqueTestId, waitFor } from '@peerprep/testing';
import { BACKEND_APPS } from './delivery-apps';
import { copyToTemp, folderSize, freePort, makeTempFolder, megabytes, productionInstall, run } from './bundle-workspace';
import { workspaceRoot } from './dockerfile-model';

// Proves what each image runs: the Nx build output plus a production-only
// install from the generated package.json, in a folder of its own (no
// workspace node_modules above it), configured by the environment alone.

const ADMIN_URL = process.env['POSTGRES_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const AMQP_HOST = '127.0.0.1:5672';

const runId = uniqueTestId('delivery');
// Every app declares the real exchange and its durable queues on start; a
// RabbitMQ vhost of its own keeps them away from a platform running here.
const vhost = `pp_test_${runId}`;
const redisPrefix = `test:${runId}:`;
const jwtPrivateKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const internalToken = randomBytes(24).toString('hex');

interface Bundle {
  app: string;
  folder: string;
  port: number;
  databaseUrl?: string;
  process?: ChildProcess;
  output: string;
}

const bundles = new Map<string, Bundle>();
const folders: string[] = [];
const databases: string[] = [];
let frontend: Bundle;

async function adminQuery(sql: string): Promise<void> {
  await queryRows(ADMIN_URL, sql);
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function rabbitmqctl(...args: string[]): Promise<string> {
  return run('rabbitmqctl', ['-q', ...args]);
}

function start(bundle: Bundle, args: string[], env: Record<string, string>): void {
  // Only PATH from this process: the bundle must run on its own environment.
  const child = spawn(process.execPath, args, {
    cwd: bundle.folder,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (bundle.output += chunk));
  child.stderr?.on('data', (chunk) => (bundle.output += chunk));
  bundle.process = child;
}

async function answers(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return undefined;
  }
}

async function waitUntilReady(bundle: Bundle, probe: string): Promise<void> {
  try {
    await waitFor(async () => (await answers(`http://127.0.0.1:${bundle.port}${probe}`)) === 200, 90_000, `${bundle.app} ${probe}`);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- ${bundle.app} output ---\n${bundle.output}`);
  }
}

/** The migration one-shot's install: tools/delivery/migrate-manifest.mjs, then `npm ci`, as the migrate stage does. */
async function prepareMigrateFolder(): Promise<string> {
  const folder = await makeTempFolder('migrate');
  folders.push(folder);
  await run(process.execPath, ['tools/delivery/migrate-manifest.mjs', 'package-lock.json', folder]);
  await productionInstall(folder);
  await cp(path.join(workspaceRoot, 'libs/prisma-migrate/src'), path.join(folder, 'libs/prisma-migrate/src'), { recursive: true });
  for (const app of BACKEND_APPS.filter((a) => a.database)) {
    await cp(path.join(workspaceRoot, 'apps', app.name, 'prisma.config.ts'), path.join(folder, 'apps', app.name, 'prisma.config.ts'));
    await cp(path.join(workspaceRoot, 'apps', app.name, 'prisma'), path.join(folder, 'apps', app.name, 'prisma'), { recursive: true });
  }
  return folder;
}

beforeAll(async () => {
  await rabbitmqctl('add_vhost', vhost);
  await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');

  // Its own Nx workspace-data folder: rewriting the shared project graph while
  // other suites' ESLint runs read it makes their boundary rule skip itself.
  const nxData = await makeTempFolder('nx-data');
  folders.push(nxData);
  const { NX_SKIP_NX_CACHE: _skip, ...env } = process.env;
  await run('npx', ['nx', 'run-many', '-t', 'build', '-p', ['frontend', ...BACKEND_APPS.map((a) => a.name)].join(','), '--outputStyle=static'], {
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_WORKSPACE_DATA_DIRECTORY: nxData },
  });

  const migrateFolder = prepareMigrateFolder();
  await Promise.all(
    BACKEND_APPS.map(async (app) => {
      const folder = await copyToTemp(path.join(workspaceRoot, 'dist/apps', app.name), app.name);
      folders.push(folder);
      const bundle: Bundle = { app: app.name, folder, port: await freePort(), output: '' };
      bundles.set(app.name, bundle);
      if (app.name === 'question-service') await run(process.execPath, ['tools/delivery/bundle-seed.mjs', folder]);
      await productionInstall(folder);
      if (app.database) {
        const name = `${TEST_DATABASE_PREFIX}${runId}_${app.database.name.replace('peerprep_', '')}`;
        await adminQuery(`CREATE DATABASE "${name}"`);
        databases.push(name);
        bundle.databaseUrl = databaseUrl(name);
        const migrate = await migrateFolder;
        await run(process.execPath, ['node_modules/prisma/build/index.js', 'migrate', 'deploy', '--config', `apps/${app.name}/prisma.config.ts`], {
          cwd: migrate,
          env: { PATH: process.env['PATH'] ?? '', HOME: migrate, DATABASE_URL: bundle.databaseUrl },
        });
      }
    }),
  );

  frontend = {
    app: 'frontend',
    folder: await copyToTemp(path.join(workspaceRoot, 'apps/frontend/.next/standalone'), 'frontend'),
    port: await freePort(),
    output: '',
  };
  folders.push(frontend.folder);
}, 900_000);

afterAll(async () => {
  await Promise.all(
    [...bundles.values(), frontend].map(
      (bundle) =>
        new Promise<void>((resolve) => {
          const child = bundle?.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const name of databases) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await rabbitmqctl('delete_vhost', vhost);
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
}, 120_000);

function bundle(app: string): Bundle {
  return bundles.get(app) as Bundle;
}

function environmentOf(app: string): Record<string, string> {
  const self = bundle(app);
  const url = (name: string) => `http://127.0.0.1:${bundle(name).port}`;
  const common = { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(self.port), LOG_LEVEL: 'warn' };
  const amqp = `amqp://guest:guest@${AMQP_HOST}/${vhost}`;
  const jwks = `${url('user-service')}/api/auth/jwks.json`;
  switch (app) {
    case 'user-service':
      return { ...common, DATABASE_URL: self.databaseUrl ?? '', REDIS_URL, AMQP_URL: amqp, JWT_PRIVATE_KEY: jwtPrivateKey, RATE_LIMIT_PREFIX: `${redisPrefix}users` };
    case 'question-service':
      return { ...common, DATABASE_URL: self.databaseUrl ?? '', AMQP_URL: amqp, AUTH_JWKS_URL: jwks, INTERNAL_API_TOKEN: internalToken };
    case 'matching-service':
      return { ...common, REDIS_URL, AMQP_URL: amqp, AUTH_JWKS_URL: jwks, QUESTION_SERVICE_URL: url('question-service'), MATCH_KEY_PREFIX: `${redisPrefix}matching:` };
    case 'collaboration-service':
      return {
        ...common,
        DATABASE_URL: self.databaseUrl ?? '',
        REDIS_URL,
        AMQP_URL: amqp,
        AUTH_JWKS_URL: jwks,
        QUESTION_SERVICE_URL: url('question-service'),
        // Production refuses the development token; the same one question-service checks.
        INTERNAL_API_TOKEN: internalToken,
        COLLAB_KEY_PREFIX: `${redisPrefix}collab:`,
      };
    case 'execution-service':
      // Its sandbox proves itself with an empty box before it listens (bwrap etc.: prerequisites.mjs).
      return {
        ...common,
        AMQP_URL: amqp,
        INTERNAL_API_TOKEN: internalToken,
        EXECUTION_WORK_DIR: path.join(self.folder, 'runs'),
        EXECUTION_SLOTS: '1',
      };
    case 'api-gateway':
      return {
        ...common,
        REDIS_URL,
        REDIS_KEY_PREFIX: `${redisPrefix}gateway:`,
        AUTH_JWKS_URL: jwks,
        USER_SERVICE_URL: url('user-service'),
        QUESTION_SERVICE_URL: url('question-service'),
        MATCHING_SERVICE_URL: url('matching-service'),
        COLLABORATION_SERVICE_URL: url('collaboration-service'),
      };
    default:
      throw new Error(`no environment for ${app}`);
  }
}

describe('the pruned production bundles', () => {
  it.each(BACKEND_APPS.map((app) => app.name))(
    '%s starts from its build output and production install alone, and answers 200 on /healthz and /readyz',
    async (app) => {
      start(bundle(app), ['--enable-source-maps', 'main.js'], environmentOf(app));
      await waitUntilReady(bundle(app), '/readyz');
      expect(await answers(`http://127.0.0.1:${bundle(app).port}/healthz`)).toBe(200);
      expect(await answers(`http://127.0.0.1:${bundle(app).port}/readyz`)).toBe(200);
    },
    120_000,
  );

  it('seeds the migrated question database with the bundled seed.js from the same install', async () => {
    const questions = bundle('question-service');
    await run(process.execPath, ['seed.js'], {
      cwd: questions.folder,
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', LOG_LEVEL: 'warn', ...pick(environmentOf('question-service'), 'DATABASE_URL', 'AMQP_URL', 'INTERNAL_API_TOKEN') },
    });
    const rows = await queryRows<{ count: string; javascript: string; five: string }>(
      questions.databaseUrl as string,
      `SELECT count(*),
              count(*) FILTER (WHERE reference_solutions ? 'javascript') AS javascript,
              count(*) FILTER (WHERE reference_solutions ?& array['javascript', 'typescript', 'python', 'java', 'cpp']) AS five
         FROM questions`,
    );
    expect(Number(rows[0]?.count)).toBeGreaterThan(0);
    // The reference solutions were worked out when bundling (the image has no seed sources): every question's JavaScript, all five for twelve.
    expect(Number(rows[0]?.javascript)).toBe(Number(rows[0]?.count));
    expect(Number(rows[0]?.five)).toBeGreaterThanOrEqual(12);
  }, 120_000);

  it('serves the frontend landing page from a copy of the Next.js standalone output', async () => {
    start(frontend, ['apps/frontend/serve.cjs'], { NODE_ENV: 'production', PORT: String(frontend.port), HOSTNAME: '127.0.0.1' });
    await waitUntilReady(frontend, '/healthz');
    const page = await fetch(`http://127.0.0.1:${frontend.port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('PeerPrep');
  }, 120_000);

  it('reports the size of each bundle on disk', async () => {
    const sizes = await Promise.all(
      [...bundles.values(), frontend].map(async ({ app, folder }) => ({ app, bytes: await folderSize(folder) })),
    );
    console.table(sizes.map(({ app, bytes }) => ({ app, 'on disk': megabytes(bytes) })));
    for (const { bytes } of sizes) expect(bytes).toBeGreaterThan(0);
  });
});

function pick(env: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, env[name] ?? '']));
}
