import type { WaitWindow } from './match-state';

export type WaitPhase = 'strict' | 'relaxed';

export interface Countdown {
  /** Same difficulty first; any difficulty once relaxed. */
  phase: WaitPhase;
  /** Left in the current phase, never negative. */
  remainingMs: number;
  /** How much of the current phase has passed, 0..1 (drives the progress bar). */
  progress: number;
  /** The last phase has run out: the page waits for the server's word (it decides the end). */
  expired: boolean;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * Where a waiting request stands at `now`. The phase follows the clock (the
 * strict window has ended) or the server (`relaxed` already said so),
 * whichever comes first; a request without relaxation has one phase.
 */
export function countdownAt(window: WaitWindow, now: number, relaxedByServer = false): Countdown {
  const canRelax = window.deadline > window.strictDeadline;
  const relaxed = canRelax && (relaxedByServer || now >= window.strictDeadline);
  const [from, to] = relaxed ? [window.strictDeadline, window.deadline] : [window.startedAt, window.strictDeadline];
  const span = to - from;
  const remainingMs = Math.max(0, to - now);
  return {
    phase: relaxed ? 'relaxed' : 'strict',
    remainingMs,
    progress: span > 0 ? clamp01((now - from) / span) : 1,
    expired: remainingMs === 0,
  };
}

/** `83_400` → `1:24`: whole seconds rounded up, so 0:00 shows only at the end. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
