import { availableParallelism } from 'node:os';
import * as argon2 from 'argon2';

/**
 * OWASP Password Storage Cheat Sheet, argon2id option 2: m = 19 MiB, t = 2,
 * p = 1. argon2 hashes on the libuv thread pool, so a login storm does not
 * block the event loop.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed hash, never throws for either. */
  verify(hash: string, password: string): Promise<boolean>;
  /**
   * Spends exactly the work of a real verification and answers false: what a
   * login for an unknown account does, so its timing reveals nothing.
   */
  verifyAgainstDummy(password: string): Promise<false>;
  /** True when the hash was made with other parameters than today's (rehash after a successful login). */
  needsRehash(hash: string): boolean;
}

/**
 * Runs at most `limit` tasks at once, the rest wait in order. Hashing does not
 * block the event loop, but as many hashing threads as cores starve it of CPU
 * (tools/bench/auth: /healthz p99 25 ms in a login storm with the default four
 * threads on two cores, 12 ms with one), so hashing leaves a core to the loop.
 */
export function createConcurrencyLimit(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

export const DEFAULT_HASH_CONCURRENCY = Math.max(1, availableParallelism() - 1);

export function createPasswordHasher(
  options: typeof PASSWORD_HASH_OPTIONS = PASSWORD_HASH_OPTIONS,
  concurrency = DEFAULT_HASH_CONCURRENCY,
): PasswordHasher {
  let dummyHash: Promise<string> | undefined;
  const limited = createConcurrencyLimit(concurrency);

  async function verify(hash: string, password: string): Promise<boolean> {
    try {
      return await limited(() => argon2.verify(hash, password));
    } catch {
      return false;
    }
  }

  return {
    hash: (password) => limited(() => argon2.hash(password, options)),
    verify,
    async verifyAgainstDummy(password) {
      // Made once, lazily, with the same parameters as real hashes.
      dummyHash ??= limited(() => argon2.hash('peerprep-dummy-password-for-timing', options));
      await verify(await dummyHash, password);
      return false;
    },
    needsRehash: (hash) => {
      try {
        return argon2.needsRehash(hash, options);
      } catch {
        return true;
      }
    },
  };
}
