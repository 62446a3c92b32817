import { isFinishedPhase, type RunView } from '@peerprep/contracts';

/** How often a solo run is asked for while it is queued or running. */
export const POLL_INTERVAL_MS = 500;
/** Consecutive failed polls (network, 5xx) after which the page stops asking. */
export const POLL_MAX_FAILURES = 10;

export interface PollRunOptions<R extends RunView> {
  /** `GET /runs/:id`. */
  load(signal: AbortSignal): Promise<R>;
  /** Every answer, as it comes (the panel shows the phase). */
  onUpdate(run: R): void;
  signal: AbortSignal;
  intervalMs?: number;
  /** Waits `ms` (tests pass a fake); rejects when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Asks for a solo run every `intervalMs` until it is done or failed, and
 * resolves with the last answer. A failed poll is retried, backing off, up
 * to POLL_MAX_FAILURES in a row; an abort (the page left) rejects at once.
 */
export async function pollRun<R extends RunView>(initial: RunView, options: PollRunOptions<R>): Promise<RunView> {
  const { load, onUpdate, signal, intervalMs = POLL_INTERVAL_MS, sleep = abortableSleep } = options;
  let current: RunView = initial;
  let failures = 0;
  while (!isFinishedPhase(current.phase)) {
    await sleep(intervalMs * (failures + 1), signal);
    try {
      const next = await load(signal);
      failures = 0;
      current = next;
      onUpdate(next);
    } catch (error) {
      if (signal.aborted) throw error;
      failures += 1;
      if (failures >= POLL_MAX_FAILURES) throw error;
    }
  }
  return current;
}
