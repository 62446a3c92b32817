/**
 * A background job that every replica runs on a timer (matching's due
 * requests, collaboration's idle rooms). The work itself must be safe to run
 * on every replica at once (an atomic claim or a conditional update): the
 * sweeper only paces it, on this replica.
 */
export interface Sweeper {
  start(): void;
  /** Clears the timer and waits for a sweep still running. */
  stop(): Promise<void>;
}

export interface SweeperOptions {
  intervalMs: number;
  /** One pass. A pass still running when the timer fires again is not overlapped: that tick is skipped. */
  sweep: () => Promise<void>;
  /** A failed pass is reported here; the next tick tries again. */
  onError: (error: unknown) => void;
  /** Also sweep at once on start, not only after the first interval (work may already be due). */
  sweepOnStart?: boolean;
}

export function createSweeper({ intervalMs, sweep, onError, sweepOnStart = false }: SweeperOptions): Sweeper {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  function tick(): void {
    if (running) return;
    running = sweep()
      .catch(onError)
      .finally(() => (running = undefined));
  }

  return {
    start() {
      if (sweepOnStart) tick();
      timer = setInterval(tick, intervalMs);
      // The server keeps the process alive; a sweeper alone must not.
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
