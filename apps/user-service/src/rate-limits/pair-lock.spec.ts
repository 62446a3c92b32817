import { pairLockSeconds } from './pair-lock';

describe('pairLockSeconds', () => {
  const policy = { freeFailures: 5, firstLockSeconds: 60, maxLockSeconds: 900 };

  it('does not lock before the free failures are used up', () => {
    expect([1, 2, 3, 4].map((n) => pairLockSeconds(n, policy))).toEqual([0, 0, 0, 0]);
  });

  it('locks from the last free failure on, doubling each time up to the cap', () => {
    expect([5, 6, 7, 8, 9, 10, 500].map((n) => pairLockSeconds(n, policy))).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });
});
