import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, createTestRedis, queryRows, uniqueTestId, type TestDatabase, type TestRedis } from '@peerprep/testing';
import { createRabbitVhost } from '../../bench/lib/rabbit';
import { builtMain, startBuiltService, workspaceRoot, type RunningService } from '../../bench/lib/services';

/**
 * The platform behind the gateway, from the apps' built bundles (the tools
 * project's tests depend on their builds), on one test file's own slice of the
 * local servers: a migrated database per data service, a Redis key prefix, and
 * a RabbitMQ vhost (every app declares the real exchange and its durable
 * queues; the vhost keeps them away from anything else here). Execution is
 * not started: a run is only queued, and no walked request may queue one.
 */
export interface WalkPlatform {
  /** The gateway's API base, `http://127.0.0.1:<port>/api`. */
  apiUrl: string;
  gatewayPort: number;
  admin: { username: string; password: string };
  databases: Record<'users' | 'questions' | 'collaboration', TestDatabase>;
  redisPrefix: string;
  redis: TestRedis;
  vhost: string;
  /** Each service's stdout (JSON log lines), for finding a 5xx's cause by its request id. */
  output: Map<string, string>;
  stop(): Promise<void>;
}

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const DATA_SERVICES = { users: 'user-service', questions: 'question-service', collaboration: 'collaboration-service' } as const;
const APPS = ['user-service', 'question-service', 'matching-service', 'collaboration-service', 'api-gateway'] as const;
// Far above what one walk sends: a 429 would hide the answer under test.
const NO_RATE_LIMIT = '1000000';

export async function startWalkPlatform(label: string): Promise<WalkPlatform> {
  // The tools project's test target builds them first (dependsOn build).
  const missing = APPS.filter((project) => !existsSync(builtMain(project)));
  if (missing.length > 0) throw new Error(`no build of ${missing.join(', ')}: npx nx run-many -t build -p ${missing.join(',')}`);
  const running: RunningService[] = [];
  const output = new Map<string, string>();
  const undo: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    await Promise.allSettled(running.map((service) => service.stop()));
    for (const step of undo.reverse()) await step();
  };

  try {
    const entries = await Promise.all(
      Object.entries(DATA_SERVICES).map(async ([key, app]) => {
        const database = await createTestDatabase({ label: `${label}_${key}`, migrationsDir: path.join(workspaceRoot, 'apps', app, 'prisma/migrations') });
        undo.push(() => database.drop());
        return [key, database] as const;
      }),
    );
    const databases = Object.fromEntries(entries) as WalkPlatform['databases'];
    const redis = await createTestRedis(label);
    undo.push(() => redis.cleanup());
    const vhost = `pp_test_${uniqueTestId(label)}`;
    const rabbit = createRabbitVhost(vhost, AMQP_URL);
    if (!rabbit.isolated) throw new Error('rabbitmqctl could not create a vhost: the walk will not declare the real exchange on the shared one');
    undo.push(() => rabbit.remove());

    const admin = { username: 'walker_admin', password: randomBytes(12).toString('hex') };
    const internalToken = randomBytes(24).toString('hex');
    const start = async (project: string, env: Record<string, string>) => {
      output.set(project, '');
      const service = await startBuiltService({
        project,
        env: { NODE_ENV: 'production', LOG_LEVEL: 'info', AMQP_URL: rabbit.url, REDIS_URL: redis.url, ...env },
        readyTimeoutMs: 60_000,
        onOutput: (chunk) => output.set(project, (output.get(project) ?? '') + chunk),
      });
      running.push(service);
      return `http://127.0.0.1:${service.port}`;
    };

    const users = await start('user-service', {
      DATABASE_URL: databases.users.url,
      JWT_PRIVATE_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      RATE_LIMIT_PREFIX: `${redis.prefix}users`,
      RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: NO_RATE_LIMIT,
      RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR: NO_RATE_LIMIT,
      RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: NO_RATE_LIMIT,
      ADMIN_USERNAME: admin.username,
      ADMIN_EMAIL: 'walker-admin@example.com',
      ADMIN_PASSWORD: admin.password,
    });
    const jwks = `${users}/api/auth/jwks.json`;
    const questions = await start('question-service', { DATABASE_URL: databases.questions.url, AUTH_JWKS_URL: jwks, INTERNAL_API_TOKEN: internalToken });
    const [matching, collaboration] = await Promise.all([
      start('matching-service', { AUTH_JWKS_URL: jwks, QUESTION_SERVICE_URL: questions, MATCH_KEY_PREFIX: `${redis.prefix}matching:` }),
      start('collaboration-service', {
        DATABASE_URL: databases.collaboration.url,
        AUTH_JWKS_URL: jwks,
        QUESTION_SERVICE_URL: questions,
        INTERNAL_API_TOKEN: internalToken,
        COLLAB_KEY_PREFIX: `${redis.prefix}collab:`,
      }),
    ]);
    const gateway = await start('api-gateway', {
      REDIS_KEY_PREFIX: `${redis.prefix}gateway:`,
      RATE_LIMIT_POINTS: NO_RATE_LIMIT,
      TRUSTED_PROXY_HOPS: '0',
      AUTH_JWKS_URL: jwks,
      USER_SERVICE_URL: users,
      QUESTION_SERVICE_URL: questions,
      MATCHING_SERVICE_URL: matching,
      COLLABORATION_SERVICE_URL: collaboration,
    });
    const gatewayPort = Number(new URL(gateway).port);
    return { apiUrl: `${gateway}/api`, gatewayPort, admin, databases, redisPrefix: redis.prefix, redis, vhost, output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Rows per table and a digest of their content, per database: equal snapshots mean nothing was written. */
export async function snapshotDatabases(databases: WalkPlatform['databases']): Promise<Record<string, { rows: number; digest: string }>> {
  const snapshot: Record<string, { rows: number; digest: string }> = {};
  for (const [key, database] of Object.entries(databases)) {
    const tables = await queryRows<{ name: string }>(
      database.url,
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    for (const { name } of tables) {
      const [row] = await queryRows<{ rows: number; digest: string }>(
        database.url,
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
      );
      snapshot[`${key}.${name}`] = row ?? { rows: 0, digest: '' };
    }
  }
  return snapshot;
}
