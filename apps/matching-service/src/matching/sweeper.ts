import type { Logger } from '@peerprep/service-kit';
import type { MatchingService } from './matching.service';

export interface Sweeper {
  start(): void;
  stop(): Promise<void>;
}

const BATCH = 100;

/**
 * Every replica runs one. The sweep script claims each due request
 * atomically, so replicas never relax or time out the same request twice;
 * the deadlines live in Redis, so a replica started after all others died
 * catches up on its first tick.
 */
export function createSweeper(matching: MatchingService, intervalMs: number, logger: Logger): Sweeper {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function sweep(): Promise<void> {
    // A full batch means more may be due: keep going before the next tick.
    while ((await matching.sweepDue(BATCH)) === BATCH) {
      /* next batch */
    }
  }

  function tick(): void {
    if (running) return;
    running = sweep()
      .catch((error: unknown) => logger.warn({ err: error }, 'sweeping due match requests failed'))
      .finally(() => (running = undefined));
  }

  return {
    start() {
      tick();
      timer = setInterval(tick, intervalMs);
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
