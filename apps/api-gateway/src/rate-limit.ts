import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  redis: Redis;
  points: number;
  windowSeconds: number;
  keyPrefix: string;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A fixed window per client key shared by all gateway replicas through Redis.
 * When Redis is unreachable each replica falls back to its own in-memory
 * window: limits get looser for a while, but the API stays up.
 */
export function createRateLimiter(opts: RateLimitOptions): (key: string) => Promise<RateLimitDecision> {
  const limiter = new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: `${opts.keyPrefix}ratelimit`,
    points: opts.points,
    duration: opts.windowSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({
      keyPrefix: 'insurance',
      points: opts.points,
      duration: opts.windowSeconds,
    }),
  });
  return async (key) => {
    try {
      await limiter.consume(key);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  };
}
