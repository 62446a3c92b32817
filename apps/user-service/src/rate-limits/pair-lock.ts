export interface PairLockPolicy {
  /** Failures of one client on one account before its first lock. */
  freeFailures: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
}

/**
 * How long one client stays locked out of one account after its
 * `failures`-th wrong password in the hour: nothing before `freeFailures`,
 * then `firstLockSeconds`, doubling with each further failure up to
 * `maxLockSeconds` (5 free, 60 s first: 60, 120, 240, 480, 900, 900... with a
 * 900 s cap), so a guesser gets a handful of tries per hour while a typo
 * costs the owner a minute at most.
 */
export function pairLockSeconds(failures: number, policy: PairLockPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.firstLockSeconds * 2 ** doublings, policy.maxLockSeconds);
}
