import { RateLimitedError, ServiceUnavailableError } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface AuthRateLimitSettings {
  RATE_LIMIT_PREFIX: string;
  RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: number;
  RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR: number;
  RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: number;
  RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR: number;
}

export interface AuthRateLimits {
  /** Each throws RateLimitedError (429 with Retry-After) once the client's budget is spent. */
  loginAttempt(ip: string): Promise<void>;
  signupAttempt(ip: string): Promise<void>;
  refreshAttempt(ip: string): Promise<void>;
  /** Throws RateLimitedError while the account has used up its failed attempts for the hour. */
  assertAccountNotLocked(accountKey: string): Promise<void>;
  recordFailedAttempt(accountKey: string): Promise<void>;
  clearFailedAttempts(accountKey: string): Promise<void>;
}

const MINUTE = 60;
const HOUR = 3_600;

function toDomainError(error: unknown): Error {
  if (error instanceof RateLimiterRes) return new RateLimitedError(error.msBeforeNext / 1000);
  // Fail closed: without its counters the service cannot bound guessing.
  return new ServiceUnavailableError('Rate limiting is unavailable', { cause: error });
}

/**
 * Fixed-window counters in Redis, shared by every replica. Per IP for login,
 * sign-up and refresh; per account for failed password checks (login, and the
 * password confirmations of password change and account deletion), reset by a
 * successful login.
 */
export function createAuthRateLimits(redis: Redis, settings: AuthRateLimitSettings): AuthRateLimits {
  const limiter = (name: string, points: number, duration: number) =>
    new RateLimiterRedis({ storeClient: redis, keyPrefix: `${settings.RATE_LIMIT_PREFIX}:${name}`, points, duration });

  const loginPerIp = limiter('login-ip', settings.RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE, MINUTE);
  const signupPerIp = limiter('signup-ip', settings.RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR, HOUR);
  const refreshPerIp = limiter('refresh-ip', settings.RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE, MINUTE);
  const failuresPerAccount = limiter('failed-account', settings.RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR, HOUR);

  const consume = async (rl: RateLimiterRedis, key: string) => {
    try {
      await rl.consume(key);
    } catch (error) {
      throw toDomainError(error);
    }
  };

  return {
    loginAttempt: (ip) => consume(loginPerIp, ip),
    signupAttempt: (ip) => consume(signupPerIp, ip),
    refreshAttempt: (ip) => consume(refreshPerIp, ip),
    async assertAccountNotLocked(accountKey) {
      let state: RateLimiterRes | null;
      try {
        state = await failuresPerAccount.get(accountKey);
      } catch (error) {
        throw toDomainError(error);
      }
      if (state && state.consumedPoints >= failuresPerAccount.points) {
        throw new RateLimitedError(state.msBeforeNext / 1000);
      }
    },
    async recordFailedAttempt(accountKey) {
      // The caller answers 401 for this attempt; the counter only gates the next ones.
      await failuresPerAccount.penalty(accountKey, 1).catch((error: unknown) => {
        throw toDomainError(error);
      });
    },
    async clearFailedAttempts(accountKey) {
      await failuresPerAccount.delete(accountKey).catch((error: unknown) => {
        throw toDomainError(error);
      });
    },
  };
}
