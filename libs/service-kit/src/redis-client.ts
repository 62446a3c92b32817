import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis client for a service: reconnects with capped backoff forever (a
 * Redis restart must not crash the process), and logs connection errors at
 * most once per state change instead of once per retry.
 */
export function createRedisClient(url: string, logger: Logger, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    ...options,
  });
  let reported = false;
  redis.on('error', (error) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: error }, 'redis connection error; reconnecting');
  });
  redis.on('ready', () => {
    if (reported) logger.info('redis connection restored');
    reported = false;
  });
  return redis;
}
