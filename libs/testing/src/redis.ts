import { Redis } from 'ioredis';
import { uniqueTestId } from './ids';

export interface TestRedis {
  /** A client whose every key is written under `prefix` (ioredis `keyPrefix`). */
  redis: Redis;
  prefix: string;
  url: string;
  /** Deletes every key under `prefix` and quits the client. */
  cleanup(): Promise<void>;
}

export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * A Redis client isolated by key prefix, so test files sharing the one local
 * Redis never see each other's keys.
 */
export async function createTestRedis(label = 'redis'): Promise<TestRedis> {
  const url = process.env['REDIS_URL'] ?? DEFAULT_TEST_REDIS_URL;
  const prefix = `test:${uniqueTestId(label)}:`;
  const redis = new Redis(url, { keyPrefix: prefix, lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();

  return {
    redis,
    prefix,
    url,
    async cleanup() {
      // keyPrefix is not applied to SCAN patterns nor stripped from its
      // results, so the sweep uses a plain client that sees the full key names.
      const sweeper = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
      try {
        await sweeper.connect();
        await deleteKeysMatching(sweeper, `${escapeGlob(prefix)}*`);
      } finally {
        sweeper.disconnect();
        // A client the test already closed must not be touched again: ioredis'
        // disconnect() on it arms a reconnect timer that keeps jest alive.
        if (redis.status !== 'end' && redis.status !== 'close') {
          await redis.quit().catch(() => redis.disconnect());
        }
      }
    },
  };
}

async function deleteKeysMatching(client: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await client.unlink(...keys);
  } while (cursor !== '0');
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
