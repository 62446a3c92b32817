import { Pool } from 'pg';
import { Writable } from 'node:stream';
import { closedPort } from '../test/helpers';
import { connectionVariables, loadConfig } from './config';
import { createLogger } from './logger';
import { checkDependencies, sqlDependency } from './readiness';
import { createRedisClient } from './redis-client';
import { z } from 'zod';

/** A Prisma-shaped client over a real pg pool (the kit only needs these two calls). */
function sqlClient(connectionString: string) {
  const pool = new Pool({ connectionString, connectionTimeoutMillis: 1_000 });
  pool.on('error', () => undefined);
  return { $queryRawUnsafe: (sql: string) => pool.query(sql), $disconnect: () => pool.end() };
}

describe('sqlDependency', () => {
  it('is up when Postgres answers SELECT 1', async () => {
    const client = sqlClient('postgresql://postgres@127.0.0.1:5432/postgres');
    expect(await checkDependencies([sqlDependency(client)])).toMatchObject({ ready: true, checks: { postgres: 'up' } });
    await client.$disconnect();
  });

  it('is down, by name, when Postgres cannot be reached', async () => {
    const client = sqlClient(`postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`);
    expect(await checkDependencies([sqlDependency(client, 'users-db')])).toMatchObject({
      ready: false,
      down: ['users-db'],
    });
    await client.$disconnect();
  });
});

describe('createRedisClient', () => {
  it('keeps retrying an unreachable Redis and logs the outage once, not per retry', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ name: 'test', destination });
    const redis = createRedisClient(`redis://127.0.0.1:${await closedPort()}`, logger, {
      retryStrategy: () => 20,
      lazyConnect: true,
      disconnectTimeout: 10,
    });
    await redis.connect().catch(() => undefined);
    await new Promise((resolve) => {
      let retries = 0;
      redis.on('reconnecting', () => ++retries === 3 && resolve(undefined));
    });
    expect(lines.filter((l) => l.includes('redis connection error'))).toHaveLength(1);
    redis.disconnect();
  });
});

describe('connectionVariables', () => {
  const schema = z.object({
    DATABASE_URL: connectionVariables.postgres('peerprep_users'),
    REDIS_URL: connectionVariables.redis(),
    AMQP_URL: connectionVariables.amqp(),
  });

  it('defaults to the local servers', () => {
    expect(loadConfig(schema, {})).toEqual({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/peerprep_users',
      REDIS_URL: 'redis://127.0.0.1:6379',
      AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
    });
  });

  it('names each URL with the wrong scheme', () => {
    expect(() => loadConfig(schema, { DATABASE_URL: 'mysql://x', REDIS_URL: 'http://x', AMQP_URL: 'amqp://ok' })).toThrow(
      expect.objectContaining({
        issues: [
          { variable: 'DATABASE_URL', message: 'must be a postgresql:// URL' },
          { variable: 'REDIS_URL', message: 'must be a redis:// URL' },
        ],
      }),
    );
  });
});
