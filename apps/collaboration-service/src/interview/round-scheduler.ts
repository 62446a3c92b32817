import type { AppliedTransition, InterviewRounds } from './interview-rounds.service';
import { nextDeadline, type InterviewState } from './round-machine';

export interface RoundSchedulerDeps {
  interviews: Pick<InterviewRounds, 'advance' | 'runningInterviews'>;
  /** The server's clock (ms since the epoch), the one the interviews use. */
  now: () => number;
  /** What an advance this replica committed did (a replica that lost the race has nothing to tell). */
  onAdvanced: (roomId: string, applied: AppliedTransition) => void;
  onError: (error: unknown, roomId: string | null) => void;
  /** How often running interviews are read again, to time those other replicas started or changed. */
  rescanMs?: number;
  /** How long after a failed advance (Postgres unreachable) it is tried again. */
  retryMs?: number;
}

/** setTimeout's longest delay; a later deadline is re-armed when this one fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * One timer per running interview, at its next deadline (the warning, the
 * round's end). Every replica times every running interview, so a replica
 * going away loses no deadline: when a timer fires, each replica applies the
 * step through the repository, the room's row lock queues them, the first
 * commits it and the others find nothing due. Each re-arms from the state it
 * read. A replica learns of interviews another one started, or moved (an early
 * end), at its next rescan; a stale timer only costs a step that does nothing.
 */
export function createRoundScheduler({ interviews, now, onAdvanced, onError, rescanMs = 5_000, retryMs = 1_000 }: RoundSchedulerDeps) {
  const timers = new Map<string, { deadline: number; timer: NodeJS.Timeout }>();
  const advancing = new Map<string, Promise<void>>();
  let scanTimer: NodeJS.Timeout | undefined;
  let scanning: Promise<void> | undefined;
  let stopped = true;

  function arm(roomId: string, deadline: number | null): void {
    const existing = timers.get(roomId);
    if (existing?.deadline === deadline) return;
    if (existing) clearTimeout(existing.timer);
    timers.delete(roomId);
    if (deadline === null || stopped) return;
    const timer = setTimeout(() => fire(roomId), Math.min(MAX_DELAY_MS, Math.max(0, deadline - now())));
    // The server keeps the process alive; a pending deadline must not.
    timer.unref();
    timers.set(roomId, { deadline, timer });
  }

  function fire(roomId: string): void {
    timers.delete(roomId);
    // An advance of this room still running re-arms when it ends.
    if (advancing.has(roomId)) return;
    const advance = interviews
      .advance(roomId)
      .then((applied) => {
        if (applied && applied.effects.length > 0) onAdvanced(roomId, applied);
        arm(roomId, applied ? nextDeadline(applied.state) : null);
      })
      .catch((error: unknown) => {
        onError(error, roomId);
        arm(roomId, now() + retryMs);
      })
      .finally(() => advancing.delete(roomId));
    advancing.set(roomId, advance);
  }

  async function rescan(): Promise<void> {
    for (const { roomId, state } of await interviews.runningInterviews()) watch(roomId, state);
  }

  function scheduleRescan(): void {
    if (stopped) return;
    scanTimer = setTimeout(() => {
      scanning = rescan()
        .catch((error: unknown) => onError(error, null))
        .finally(() => {
          scanning = undefined;
          scheduleRescan();
        });
    }, rescanMs);
    scanTimer.unref();
  }

  /** Times the interview from a state this replica just read or wrote (a round started here). */
  function watch(roomId: string, state: InterviewState): void {
    if (!advancing.has(roomId)) arm(roomId, nextDeadline(state));
  }

  return {
    watch,

    /** Reads the running interviews, times them, and keeps reading them every `rescanMs`. */
    async start(): Promise<void> {
      stopped = false;
      await rescan();
      scheduleRescan();
    },

    /** Clears every timer and waits for the steps still running. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(scanTimer);
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all([scanning, ...advancing.values()]);
    },

    /** Room id → the deadline its timer is set for. */
    deadlines(): Map<string, number> {
      return new Map([...timers].map(([roomId, { deadline }]) => [roomId, deadline]));
    },
  };
}

export type RoundScheduler = ReturnType<typeof createRoundScheduler>;
