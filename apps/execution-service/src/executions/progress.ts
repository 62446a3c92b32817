import type { ExecutionProgressedPayload } from '@peerprep/contracts';
import type { Logger } from '@peerprep/service-kit';
import type { ExecutionProgress } from './execution.service';

/** At most one progress event per run this often (the first test's is always sent). */
export const DEFAULT_PROGRESS_INTERVAL_MS = 150;

type Publish = (payload: ExecutionProgressedPayload) => Promise<unknown>;

/**
 * Turns the executor's progress into execution.progressed events of one
 * attempt: `compiling` and the first test at once, then at most one event
 * per interval, the latest state winning (a 200-test submission sends a
 * handful, not 200). `seq` grows from 1 per attempt. Publishing never fails
 * the run: an event that cannot be sent is logged, the result still goes out.
 */
export function createProgressReporter(opts: {
  runId: string;
  attempt: number;
  intervalMs: number;
  publish: Publish;
  logger: Logger;
  now?: () => number;
}): { report(progress: ExecutionProgress): void; settle(): Promise<void> } {
  const now = opts.now ?? Date.now;
  const publishes = new Set<Promise<void>>();
  let seq = 0;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let sentRunning = false;
  let pending: ExecutionProgress | null = null;
  let timer: NodeJS.Timeout | undefined;
  let settled = false;

  function send(progress: ExecutionProgress): void {
    seq += 1;
    lastSentAt = now();
    // Called in order on one channel, so the broker gets them in seq order.
    const task = opts
      .publish({ runId: opts.runId, attempt: opts.attempt, seq, ...progress })
      .then(
        () => undefined,
        (error: unknown) => opts.logger.warn({ err: error, runId: opts.runId, seq }, 'a progress event was not published'),
      )
      .finally(() => publishes.delete(task));
    publishes.add(task);
  }

  function sendPending(): void {
    timer = undefined;
    if (pending === null || settled) return;
    const progress = pending;
    pending = null;
    send(progress);
  }

  return {
    report(progress) {
      if (settled) return;
      const first = progress.phase === 'compiling' || !sentRunning;
      if (progress.phase === 'running') sentRunning = true;
      const wait = lastSentAt + opts.intervalMs - now();
      if (first || wait <= 0) {
        pending = null;
        clearTimeout(timer);
        timer = undefined;
        send(progress);
        return;
      }
      pending = progress;
      timer ??= setTimeout(sendPending, wait);
    },
    /** No more events; resolves once those already sent were confirmed (or failed). */
    async settle() {
      settled = true;
      clearTimeout(timer);
      await Promise.all([...publishes]);
    },
  };
}
