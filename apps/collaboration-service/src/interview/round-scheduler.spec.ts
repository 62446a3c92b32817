import type { AppliedTransition } from './interview-rounds.service';
import { applyInterviewEvent, createInterview, isRefusal, type InterviewEvent, type InterviewState } from './round-machine';
import { createRoundScheduler } from './round-scheduler';

const ROUND = 1_000;
const T0 = 1_000_000;
const room = 'room-1';

function stateAfter(state: InterviewState, event: InterviewEvent): AppliedTransition {
  const outcome = applyInterviewEvent(state, event, { random: () => 0 });
  if (isRefusal(outcome)) throw new Error(outcome.refused);
  return outcome;
}

/** The timer arithmetic alone, on jest's fake timers: the interviews are a pure machine in memory here. */
describe('round scheduler timers', () => {
  let clock: number;
  let stored: InterviewState;
  let advances: number;
  const advanced: AppliedTransition[] = [];

  function scheduler() {
    return createRoundScheduler({
      interviews: {
        async advance() {
          advances += 1;
          const applied = stateAfter(stored, { type: 'tick', at: clock });
          stored = applied.state;
          return applied;
        },
        runningInterviews: async () => [],
      },
      now: () => clock,
      onAdvanced: (_roomId, applied) => advanced.push(applied),
      onError: (error) => {
        throw error;
      },
      rescanMs: 60_000,
    });
  }

  beforeEach(() => {
    jest.useFakeTimers();
    clock = T0;
    advances = 0;
    advanced.length = 0;
    const fresh = createInterview({ participants: ['a', 'b'], questionIds: ['q1', 'q2'], roundMs: ROUND });
    stored = stateAfter(stateAfter(fresh, { type: 'joined', userId: 'a', at: T0 }).state, { type: 'joined', userId: 'b', at: T0 }).state;
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  /** Moves the injected clock and jest's timers together. */
  async function elapse(ms: number) {
    clock += ms;
    await jest.advanceTimersByTimeAsync(ms);
  }

  it('steps at the deadline, not before, and re-arms for the next', async () => {
    const timers = scheduler();
    await timers.start();
    timers.watch(room, stored);
    expect(timers.deadlines()).toEqual(new Map([[room, T0 + ROUND]]));

    await elapse(ROUND - 1);
    expect(advances).toBe(0);
    await elapse(1);

    expect(advances).toBe(1);
    expect(advanced.flatMap((applied) => applied.effects.map((effect) => effect.type))).toEqual(['round-ended', 'round-started', 'roles-swapped']);
    expect(timers.deadlines()).toEqual(new Map([[room, T0 + 2 * ROUND]]));
    await timers.stop();
  });

  it('re-arms without telling anyone when its timer fires before the server clock reaches the deadline', async () => {
    const timers = scheduler();
    await timers.start();
    timers.watch(room, stored);

    // The timer fires on time but the clock reads 5 ms early (timers and wall clock drift apart).
    clock -= 5;
    await elapse(ROUND);
    expect(advances).toBe(1);
    expect(advanced).toEqual([]);
    expect(timers.deadlines()).toEqual(new Map([[room, T0 + ROUND]]));

    await elapse(5);
    expect(advances).toBe(2);
    expect(advanced).toHaveLength(1);
    await timers.stop();
  });

  it('keeps a timer for the same deadline, moves it for a new one, and drops it once nothing is due', async () => {
    const timers = scheduler();
    await timers.start();
    timers.watch(room, stored);
    timers.watch(room, stored);
    expect(jest.getTimerCount()).toBe(2); // the room's and the rescan's

    const ended = stateAfter(stored, { type: 'end-round', userId: 'a', round: 1, at: T0 + 100 });
    stored = ended.state;
    timers.watch(room, stored);
    expect(timers.deadlines()).toEqual(new Map([[room, T0 + 100 + ROUND]]));
    expect(jest.getTimerCount()).toBe(2);

    timers.watch(room, stateAfter(stored, { type: 'end-session', by: null, at: T0 + 200 }).state);
    expect(timers.deadlines().size).toBe(0);
    await timers.stop();
    expect(jest.getTimerCount()).toBe(0);
  });
});
