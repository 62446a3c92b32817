import { countdownAt, formatRemaining } from './countdown';

const window = { startedAt: 0, strictDeadline: 30_000, deadline: 60_000 };
const strictOnly = { startedAt: 0, strictDeadline: 30_000, deadline: 30_000 };

describe('countdownAt', () => {
  it('counts the strict window first', () => {
    expect(countdownAt(window, 12_000)).toEqual({ phase: 'strict', remainingMs: 18_000, progress: 0.4, expired: false });
  });

  it('moves to the relaxed window when the strict one ends, from a fresh bar', () => {
    expect(countdownAt(window, 30_000)).toEqual({ phase: 'relaxed', remainingMs: 30_000, progress: 0, expired: false });
    expect(countdownAt(window, 45_000)).toMatchObject({ phase: 'relaxed', remainingMs: 15_000, progress: 0.5 });
  });

  it('follows the server into the relaxed phase even when the local clock lags', () => {
    expect(countdownAt(window, 29_000, true)).toMatchObject({ phase: 'relaxed', remainingMs: 31_000, progress: 0 });
  });

  it('never relaxes a request that did not accept it, and expires at its only deadline', () => {
    expect(countdownAt(strictOnly, 29_999)).toMatchObject({ phase: 'strict', expired: false });
    expect(countdownAt(strictOnly, 31_000)).toEqual({ phase: 'strict', remainingMs: 0, progress: 1, expired: true });
  });

  it('clamps a clock ahead of the server to zero and full', () => {
    expect(countdownAt(window, 90_000)).toEqual({ phase: 'relaxed', remainingMs: 0, progress: 1, expired: true });
  });

  it('clamps a clock behind the start to an empty bar', () => {
    expect(countdownAt(window, -5_000)).toMatchObject({ phase: 'strict', remainingMs: 35_000, progress: 0 });
  });
});

describe('formatRemaining', () => {
  it('rounds up to whole seconds as m:ss', () => {
    expect(formatRemaining(83_400)).toBe('1:24');
    expect(formatRemaining(30_000)).toBe('0:30');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-10)).toBe('0:00');
  });
});
