import { RateLimitedError, ServiceUnavailableError } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { pairLockSeconds, type PairLockPolicy } from './pair-lock';

export interface AuthRateLimitSettings {
  RATE_LIMIT_PREFIX: string;
  RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: number;
  RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR: number;
  RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: number;
  RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR: number;
  RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_AND_IP: number;
  RATE_LIMIT_LOGIN_LOCK_SECONDS: number;
  RATE_LIMIT_LOGIN_LOCK_MAX_SECONDS: number;
}

/** Who tries which account: the account key (see failedLoginKey) and the client's address. */
export interface LoginAttempt {
  accountKey: string;
  ip: string;
}

export interface AuthRateLimits {
  /** Each throws RateLimitedError (429 with Retry-After) once the client's budget is spent. */
  loginAttempt(ip: string): Promise<void>;
  signupAttempt(ip: string): Promise<void>;
  refreshAttempt(ip: string): Promise<void>;
  /** Throws RateLimitedError while this client is locked out of this account, or the account used up its hourly failures. */
  assertLoginAllowed(attempt: LoginAttempt): Promise<void>;
  /** A wrong password from this client: counts for the pair (locking it progressively) and for the account. */
  recordFailedLogin(attempt: LoginAttempt): Promise<void>;
  /** The right password from this client: its pair count starts over (the account's hourly count does not). */
  recordSuccessfulLogin(attempt: LoginAttempt): Promise<void>;
  /** Throws RateLimitedError while the account has used up its failed attempts for the hour. */
  assertAccountNotLocked(accountKey: string): Promise<void>;
  recordFailedAttempt(accountKey: string): Promise<void>;
}

const MINUTE = 60;
const HOUR = 3_600;

function toDomainError(error: unknown): Error {
  if (error instanceof RateLimiterRes) return new RateLimitedError(error.msBeforeNext / 1000);
  // Fail closed: without its counters the service cannot bound guessing.
  return new ServiceUnavailableError('Rate limiting is unavailable', { cause: error });
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toDomainError(error);
  }
}

/**
 * Counters in Redis, shared by every replica. Per IP for login, sign-up and
 * refresh. Failed password checks count twice:
 * - per (account, client IP): after RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_AND_IP
 *   failures that client is locked out of that account for a short,
 *   doubling time (pair-lock.ts); the right password resets the pair. A
 *   stranger guessing locks only themself: the owner signs in from anywhere else.
 * - per account, from every client together: at most
 *   RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR (≤ 100, ASVS 2.2.1) in a
 *   fixed hour, whoever succeeds in between. This ceiling is what bounds an
 *   attacker with many addresses; it can lock the owner out, but only after
 *   that many failures from that many addresses.
 * Password confirmations (password change, account deletion) come with the
 * owner's access token and count against the account ceiling only.
 */
export function createAuthRateLimits(redis: Redis, settings: AuthRateLimitSettings): AuthRateLimits {
  const limiter = (name: string, points: number, duration: number) =>
    new RateLimiterRedis({ storeClient: redis, keyPrefix: `${settings.RATE_LIMIT_PREFIX}:${name}`, points, duration });

  const loginPerIp = limiter('login-ip', settings.RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE, MINUTE);
  const signupPerIp = limiter('signup-ip', settings.RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR, HOUR);
  const refreshPerIp = limiter('refresh-ip', settings.RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE, MINUTE);
  const failuresPerAccount = limiter('failed-account', settings.RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR, HOUR);
  // Failures of one client on one account in the last hour (only counted; the lock below is what refuses).
  const failuresPerPair = limiter('failed-pair', Number.MAX_SAFE_INTEGER, HOUR);
  const pairLocks = limiter('locked-pair', 1, settings.RATE_LIMIT_LOGIN_LOCK_MAX_SECONDS);
  const lockPolicy: PairLockPolicy = {
    freeFailures: settings.RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_AND_IP,
    firstLockSeconds: settings.RATE_LIMIT_LOGIN_LOCK_SECONDS,
    maxLockSeconds: settings.RATE_LIMIT_LOGIN_LOCK_MAX_SECONDS,
  };

  // JSON keeps the two parts apart whatever characters an identifier holds.
  const pairKey = ({ accountKey, ip }: LoginAttempt) => JSON.stringify([accountKey, ip]);

  const consume = (rl: RateLimiterRedis, key: string) => guarded(() => rl.consume(key)).then(() => undefined);

  const assertAccountNotLocked = async (accountKey: string) => {
    const state = await guarded(() => failuresPerAccount.get(accountKey));
    if (state && state.consumedPoints >= failuresPerAccount.points) {
      throw new RateLimitedError(state.msBeforeNext / 1000);
    }
  };

  const recordFailedAttempt = async (accountKey: string) => {
    // The caller answers 401/400 for this attempt; the counter only gates the next ones.
    await guarded(() => failuresPerAccount.penalty(accountKey, 1));
  };

  return {
    loginAttempt: (ip) => consume(loginPerIp, ip),
    signupAttempt: (ip) => consume(signupPerIp, ip),
    refreshAttempt: (ip) => consume(refreshPerIp, ip),
    assertAccountNotLocked,
    recordFailedAttempt,
    async assertLoginAllowed(attempt) {
      const lock = await guarded(() => pairLocks.get(pairKey(attempt)));
      if (lock && lock.consumedPoints > pairLocks.points) throw new RateLimitedError(lock.msBeforeNext / 1000);
      await assertAccountNotLocked(attempt.accountKey);
    },
    async recordFailedLogin(attempt) {
      await recordFailedAttempt(attempt.accountKey);
      const key = pairKey(attempt);
      const { consumedPoints } = await guarded(() => failuresPerPair.penalty(key, 1));
      const lockSeconds = pairLockSeconds(consumedPoints, lockPolicy);
      if (lockSeconds > 0) await guarded(() => pairLocks.block(key, lockSeconds));
    },
    async recordSuccessfulLogin(attempt) {
      await guarded(() => failuresPerPair.delete(pairKey(attempt)));
    },
  };
}
