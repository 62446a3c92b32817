import {
  CLOCK_SAMPLES_KEPT,
  createClockOffsetEstimator,
  estimateClockOffset,
  offsetFromSample,
  remainingMs,
  type ClockSample,
} from './clock-offset';

const MINUTE = 60_000;
/** The true time (the server's clock) when a request leaves. */
const T0 = Date.parse('2026-12-05T21:00:00.000Z');

/**
 * One request as a client whose clock reads `skewMs` more than the server's
 * records it: it leaves at true time `at`, reaches the server `upMs` later
 * (which stamps `serverNow` then) and comes back `downMs` after that.
 */
function exchange(skewMs: number, at: number, upMs: number, downMs: number): ClockSample {
  return { sentAt: at + skewMs, serverNow: new Date(at + upMs).toISOString(), receivedAt: at + upMs + downMs + skewMs };
}

describe('server clock offset', () => {
  it.each([
    ['10 minutes ahead', 10 * MINUTE, -10 * MINUTE],
    ['10 minutes behind', -10 * MINUTE, 10 * MINUTE],
    ['on time', 0, 0],
  ])('finds the offset of a client %s from an even round trip', (_label, skewMs, offsetMs) => {
    expect(offsetFromSample(exchange(skewMs, T0, 40, 40))).toEqual({ offsetMs, roundTripMs: 80 });
  });

  it('counts down to the same instant on two peers whose clocks disagree by 20 minutes', () => {
    const endsAt = new Date(T0 + 15 * MINUTE).toISOString();
    const ahead = estimateClockOffset([exchange(10 * MINUTE, T0, 30, 30)])?.offsetMs ?? NaN;
    const behind = estimateClockOffset([exchange(-10 * MINUTE, T0, 70, 70)])?.offsetMs ?? NaN;
    const trueNow = T0 + 5 * MINUTE;

    expect(remainingMs(endsAt, ahead, trueNow + 10 * MINUTE)).toBe(10 * MINUTE);
    expect(remainingMs(endsAt, behind, trueNow - 10 * MINUTE)).toBe(10 * MINUTE);
    // Trusting their own clocks, they would have been 20 minutes apart.
    expect(remainingMs(endsAt, 0, trueNow + 10 * MINUTE)).toBe(0);
    expect(remainingMs(endsAt, 0, trueNow - 10 * MINUTE)).toBe(20 * MINUTE);
  });

  it('keeps the shortest round trip: a slow, lopsided answer moves the estimate by up to half its round trip', () => {
    const skewMs = 10 * MINUTE;
    const slow = exchange(skewMs, T0, 1_900, 100);
    const fast = exchange(skewMs, T0 + 5_000, 25, 15);

    expect(offsetFromSample(slow)?.offsetMs).toBe(-skewMs + 900);
    const estimate = estimateClockOffset([slow, fast, exchange(skewMs, T0 + 9_000, 100, 2_000)]);
    expect(estimate?.roundTripMs).toBe(40);
    expect(Math.abs((estimate?.offsetMs ?? NaN) + skewMs)).toBeLessThanOrEqual(20);
  });

  it('chooses among the most recent samples only, so a changed client clock takes over', () => {
    const oldClock = exchange(10 * MINUTE, T0, 5, 5); // the best round trip ever seen, with the old clock
    const corrected = Array.from({ length: CLOCK_SAMPLES_KEPT }, (_, i) => exchange(0, T0 + (i + 1) * 1_000, 50, 50));

    expect(estimateClockOffset([oldClock, ...corrected.slice(1)])?.offsetMs).toBe(-10 * MINUTE);
    expect(estimateClockOffset([oldClock, ...corrected])?.offsetMs).toBe(0);
  });

  it('starts afresh on a reload: the new page measures the clock it now has', () => {
    const before = createClockOffsetEstimator();
    before.add(exchange(10 * MINUTE, T0, 20, 20));
    expect(before.offsetMs).toBe(-10 * MINUTE);

    // The user set the clock 13 minutes back and reloaded.
    const after = createClockOffsetEstimator();
    expect(after.offsetMs).toBe(0);
    after.add(exchange(-3 * MINUTE, T0 + MINUTE, 300, 300));
    after.add(exchange(-3 * MINUTE, T0 + MINUTE + 2_000, 30, 30));
    expect(after.offsetMs).toBe(3 * MINUTE);
    const endsAt = T0 + 15 * MINUTE;
    expect(remainingMs(endsAt, after.offsetMs, T0 + 5 * MINUTE - 3 * MINUTE)).toBe(10 * MINUTE);
  });

  it('forgets samples past the window as it goes', () => {
    const estimator = createClockOffsetEstimator();
    estimator.add(exchange(10 * MINUTE, T0, 1, 1));
    for (let i = 1; i <= CLOCK_SAMPLES_KEPT; i++) estimator.add(exchange(-MINUTE, T0 + i * 1_000, 40, 40));
    expect(estimator.offsetMs).toBe(MINUTE);
  });

  it('ignores samples that cannot be right and trusts the client clock until one is', () => {
    const estimator = createClockOffsetEstimator();
    estimator.add({ sentAt: T0, receivedAt: T0 - 1, serverNow: T0 });
    estimator.add({ sentAt: T0, receivedAt: T0 + 10, serverNow: 'not a time' });
    expect(estimator.offsetMs).toBe(0);
    expect(offsetFromSample({ sentAt: Number.NaN, receivedAt: T0, serverNow: T0 })).toBeNull();
    expect(estimateClockOffset([])).toBeNull();

    estimator.add({ sentAt: T0, receivedAt: T0 + 10, serverNow: T0 + 1_005 });
    expect(estimator.offsetMs).toBe(1_000);
  });

  it('never counts below zero, and reads ISO and epoch instants alike', () => {
    expect(remainingMs(T0, 0, T0 + 1)).toBe(0);
    expect(remainingMs(new Date(T0).toISOString(), 500, T0 - 2_000)).toBe(1_500);
    expect(remainingMs(T0, -500, T0 - 2_000)).toBe(2_500);
  });
});
