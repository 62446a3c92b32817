import { RateLimitedError, ServiceUnavailableError } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RunRateLimit } from './runs.service';

/** A fixed one-minute window per user in Redis, shared by every replica. */
export function createRunRateLimit(redis: Redis, { keyPrefix, perMinute }: { keyPrefix: string; perMinute: number }): RunRateLimit {
  const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${keyPrefix}runs-per-user`, points: perMinute, duration: 60 });
  return {
    async consume(userId) {
      try {
        await limiter.consume(userId);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw new RateLimitedError(error.msBeforeNext / 1000, `At most ${perMinute} runs a minute; try again shortly`);
        // Fail closed: without its counter nothing bounds how much one user makes the sandbox run.
        throw new ServiceUnavailableError('Runs cannot be started right now', { cause: error });
      }
    },
  };
}
