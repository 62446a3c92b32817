import {
  applyInterviewEvent,
  createInterview,
  currentRound,
  isRefusal,
  nextDeadline,
  WARNING_MS,
  type InterviewEvent,
  type InterviewState,
  type InterviewTransition,
} from './round-machine';

const alice = 'a11ce000-0000-4000-8000-000000000001';
const bob = 'b0b00000-0000-4000-8000-000000000002';
const stranger = '5711a6e1-0000-4000-8000-000000000003';
const [q1, q2] = ['9e5710a1-0000-4000-8000-000000000001', '9e5710a2-0000-4000-8000-000000000002'];
const MINUTE = 60_000;
const ROUND = 15 * MINUTE;
const T0 = Date.parse('2026-12-05T21:00:00.000Z');

/** random() below 0.5 makes the first participant (alice) round one's interviewer. */
const aliceFirst = { random: () => 0.25 };
const bobFirst = { random: () => 0.75 };

function apply(state: InterviewState, event: InterviewEvent, options = aliceFirst): InterviewTransition {
  const outcome = applyInterviewEvent(state, event, options);
  if (isRefusal(outcome)) throw new Error(`refused: ${outcome.refused}`);
  return outcome;
}

/** Applies events in order; the final state and every effect on the way. */
function run(state: InterviewState, events: InterviewEvent[], options = aliceFirst): InterviewTransition {
  return events.reduce<InterviewTransition>(
    (acc, event) => {
      const next = apply(acc.state, event, options);
      return { state: next.state, effects: [...acc.effects, ...next.effects] };
    },
    { state, effects: [] },
  );
}

const fresh = () => createInterview({ participants: [alice, bob], questionIds: [q1, q2], roundMs: ROUND });
/** Both arrived at T0: round one running, alice interviewing. */
const started = () => run(fresh(), [{ type: 'joined', userId: alice, at: T0 - MINUTE }, { type: 'joined', userId: bob, at: T0 }]).state;
const effectTypes = (transition: InterviewTransition) => transition.effects.map((effect) => effect.type);

describe('round machine: start', () => {
  it('waits until both peers have connected, with nothing to time', () => {
    const { state, effects } = apply(fresh(), { type: 'joined', userId: alice, at: T0 });

    expect(state.phase).toBe('waiting');
    expect(state.rounds).toEqual([]);
    expect(effects).toEqual([]);
    expect(nextDeadline(state)).toBeNull();
    expect(apply(state, { type: 'tick', at: T0 + 60 * MINUTE }).state).toEqual(state);
  });

  it('starts round one when the second peer connects: the drawn interviewer, the first question, the server schedule', () => {
    const transition = run(fresh(), [
      { type: 'joined', userId: alice, at: T0 - MINUTE },
      { type: 'joined', userId: bob, at: T0 },
    ]);

    expect(transition.state.phase).toBe('round1');
    expect(currentRound(transition.state)).toEqual({
      index: 1,
      interviewerId: alice,
      candidateId: bob,
      questionId: q1,
      lengthMs: ROUND,
      startedAt: T0,
      endsAt: T0 + ROUND,
      warnedAt: null,
      endedAt: null,
      endReason: null,
    });
    expect(transition.state.rounds[1]).toMatchObject({ index: 2, interviewerId: bob, candidateId: alice, questionId: q2, startedAt: null });
    expect(effectTypes(transition)).toEqual(['round-started']);
    expect(nextDeadline(transition.state)).toBe(T0 + ROUND - WARNING_MS);
  });

  it('draws the interviewer from the injected randomness', () => {
    const state = run(fresh(), [{ type: 'joined', userId: bob, at: T0 }, { type: 'joined', userId: alice, at: T0 }], bobFirst).state;
    expect(currentRound(state)).toMatchObject({ interviewerId: bob, candidateId: alice });
  });

  it('counts a peer who connected once and left as arrived (the replicas agree on arrivals, not on who is there now)', () => {
    const { state, effects } = run(fresh(), [
      { type: 'joined', userId: alice, at: T0 - 5 * MINUTE },
      { type: 'left', userId: alice, at: T0 - 4 * MINUTE },
      { type: 'joined', userId: bob, at: T0 },
    ]);
    expect(state.phase).toBe('round1');
    expect(currentRound(state)?.startedAt).toBe(T0);
    expect(state.presence[alice]).toEqual({ arrivedAt: T0 - 5 * MINUTE, present: false });
    expect(effects.map((effect) => effect.type)).toEqual(['round-started']);
  });
});

describe('round machine: the clock', () => {
  it('warns once, five minutes before the end', () => {
    const state = started();
    const warnAt = T0 + ROUND - WARNING_MS;

    expect(apply(state, { type: 'tick', at: warnAt - 1 }).effects).toEqual([]);
    const warned = apply(state, { type: 'tick', at: warnAt + 20 });

    expect(warned.effects).toEqual([{ type: 'warning-due', round: expect.objectContaining({ index: 1, warnedAt: warnAt + 20 }) }]);
    expect(nextDeadline(warned.state)).toBe(T0 + ROUND);
    expect(apply(warned.state, { type: 'tick', at: warnAt + 40 }).effects).toEqual([]);
  });

  it('gives a round no longer than the warning no warning at all', () => {
    const short = createInterview({ participants: [alice, bob], questionIds: [q1, q2], roundMs: WARNING_MS });
    const { state } = run(short, [{ type: 'joined', userId: alice, at: T0 }, { type: 'joined', userId: bob, at: T0 }]);
    expect(nextDeadline(state)).toBe(T0 + WARNING_MS);
    expect(apply(state, { type: 'tick', at: T0 + 1 }).effects).toEqual([]);
  });

  it('times round one out at its end and swaps roles into round two with the second question', () => {
    const transition = apply(started(), { type: 'tick', at: T0 + ROUND });

    expect(effectTypes(transition)).toEqual(['round-ended', 'round-started', 'roles-swapped']);
    expect(transition.state.phase).toBe('round2');
    expect(transition.state.rounds[0]).toMatchObject({ endedAt: T0 + ROUND, endReason: 'time' });
    expect(currentRound(transition.state)).toMatchObject({
      index: 2,
      interviewerId: bob,
      candidateId: alice,
      questionId: q2,
      startedAt: T0 + ROUND,
      endsAt: T0 + 2 * ROUND,
    });
    expect(transition.effects[2]).toEqual({ type: 'roles-swapped', interviewerId: bob, candidateId: alice });
  });

  it('ends a round noticed late at its scheduled end, and gives round two its full length from when it starts', () => {
    const late = T0 + ROUND + 90_000;
    const { state, effects } = apply(started(), { type: 'tick', at: late });

    expect(state.rounds[0]).toMatchObject({ endedAt: T0 + ROUND, endReason: 'time', warnedAt: null });
    expect(currentRound(state)).toMatchObject({ index: 2, startedAt: late, endsAt: late + ROUND });
    expect(effects.some((effect) => effect.type === 'warning-due')).toBe(false);
  });

  it('finishes the session when round two times out', () => {
    const round2 = apply(started(), { type: 'tick', at: T0 + ROUND }).state;
    const transition = apply(round2, { type: 'tick', at: T0 + 2 * ROUND });

    expect(transition.state.phase).toBe('finished');
    expect(transition.state.rounds[1]).toMatchObject({ endedAt: T0 + 2 * ROUND, endReason: 'time' });
    expect(transition.effects).toEqual([
      { type: 'round-ended', round: expect.objectContaining({ index: 2 }) },
      { type: 'session-finished', at: T0 + 2 * ROUND, endedBy: null },
    ]);
    expect(nextDeadline(transition.state)).toBeNull();
    expect(currentRound(transition.state)).toBeNull();
  });

  it('applies what time made due before any event: a peer rejoining after round one timed out finds round two', () => {
    const { state, effects } = apply(started(), { type: 'joined', userId: bob, at: T0 + ROUND + 5_000 });
    expect(state.phase).toBe('round2');
    expect(effects.map((effect) => effect.type)).toEqual(['round-ended', 'round-started', 'roles-swapped']);
  });
});

describe('round machine: ending early', () => {
  it('lets the interviewer end round one: round two starts then and there', () => {
    const at = T0 + 4 * MINUTE;
    const transition = apply(started(), { type: 'end-round', userId: alice, round: 1, at });

    expect(transition.state.rounds[0]).toMatchObject({ endedAt: at, endReason: 'interviewer' });
    expect(currentRound(transition.state)).toMatchObject({ index: 2, interviewerId: bob, startedAt: at, endsAt: at + ROUND });
    expect(effectTypes(transition)).toEqual(['round-ended', 'round-started', 'roles-swapped']);
  });

  it('finishes the session when round two’s interviewer ends it', () => {
    const round2 = apply(started(), { type: 'end-round', userId: alice, round: 1, at: T0 + MINUTE }).state;
    const transition = apply(round2, { type: 'end-round', userId: bob, round: 2, at: T0 + 3 * MINUTE });

    expect(transition.state.phase).toBe('finished');
    expect(transition.effects.at(-1)).toEqual({ type: 'session-finished', at: T0 + 3 * MINUTE, endedBy: bob });
  });

  it('refuses the candidate (403) and anyone outside the room (403), and changes nothing', () => {
    const state = started();
    expect(applyInterviewEvent(state, { type: 'end-round', userId: bob, round: 1, at: T0 + MINUTE }, aliceFirst)).toEqual({
      refused: 'not-the-interviewer',
      message: 'Only the interviewer can end the round',
    });
    expect(applyInterviewEvent(state, { type: 'end-round', userId: stranger, round: 1, at: T0 }, aliceFirst)).toMatchObject({
      refused: 'not-a-participant',
    });
    expect(applyInterviewEvent(state, { type: 'joined', userId: stranger, at: T0 }, aliceFirst)).toMatchObject({
      refused: 'not-a-participant',
    });
  });

  it('refuses an end outside the named round (409): while waiting, after its time was up, once finished', () => {
    const refusedRound = (state: InterviewState, event: InterviewEvent) =>
      (applyInterviewEvent(state, event, aliceFirst) as { refused: string }).refused;

    expect(refusedRound(fresh(), { type: 'end-round', userId: alice, round: 1, at: T0 })).toBe('round-not-running');
    // Round one timed out a second ago: round two (bob interviewing) runs, and alice's click was for round one.
    expect(refusedRound(started(), { type: 'end-round', userId: alice, round: 1, at: T0 + ROUND + 1_000 })).toBe('round-not-running');
    const finished = apply(started(), { type: 'end-session', by: null, at: T0 + MINUTE }).state;
    expect(refusedRound(finished, { type: 'end-round', userId: alice, round: 1, at: T0 + 2 * MINUTE })).toBe('round-not-running');
    expect(refusedRound(finished, { type: 'end-session', by: bob, at: T0 + 2 * MINUTE })).toBe('session-finished');
  });
});

describe('round machine: leaving and coming back', () => {
  it('never pauses the schedule: a peer who leaves and returns sees the same round, start and end', () => {
    const state = started();
    const left = apply(state, { type: 'left', userId: bob, at: T0 + 2 * MINUTE });
    const back = apply(left.state, { type: 'joined', userId: bob, at: T0 + 6 * MINUTE });

    expect(left.effects).toEqual([]);
    expect(left.state.presence[bob]).toEqual({ arrivedAt: T0, present: false });
    expect(back.effects).toEqual([]);
    expect(back.state.presence[bob]).toEqual({ arrivedAt: T0, present: true });
    expect(currentRound(back.state)).toEqual(currentRound(state));
    expect(nextDeadline(back.state)).toBe(nextDeadline(state));
  });

  it('runs both rounds out with both peers gone and finishes the session', () => {
    const { state, effects } = run(started(), [
      { type: 'left', userId: alice, at: T0 + MINUTE },
      { type: 'left', userId: bob, at: T0 + 2 * MINUTE },
      { type: 'tick', at: T0 + ROUND },
      { type: 'tick', at: T0 + 2 * ROUND },
    ]);

    expect(state.phase).toBe('finished');
    expect(state.rounds.map((round) => [round.index, round.endReason, round.endedAt])).toEqual([
      [1, 'time', T0 + ROUND],
      [2, 'time', T0 + 2 * ROUND],
    ]);
    expect(Object.values(state.presence).map((presence) => presence.present)).toEqual([false, false]);
    expect(effects.at(-1)).toEqual({ type: 'session-finished', at: T0 + 2 * ROUND, endedBy: null });
  });
});

describe('round machine: the session ending', () => {
  it('ends the running round with reason session and leaves round two unstarted', () => {
    const at = T0 + 3 * MINUTE;
    const transition = apply(started(), { type: 'end-session', by: bob, at });

    expect(transition.state.phase).toBe('finished');
    expect(transition.state.rounds[0]).toMatchObject({ endedAt: at, endReason: 'session' });
    expect(transition.state.rounds[1]).toMatchObject({ startedAt: null, endedAt: null });
    expect(transition.effects).toEqual([
      { type: 'round-ended', round: expect.objectContaining({ index: 1, endReason: 'session' }) },
      { type: 'session-finished', at, endedBy: bob },
    ]);
  });

  it('finishes a session that never started, with no rounds', () => {
    const { state, effects } = apply(fresh(), { type: 'end-session', by: null, at: T0 });
    expect(state).toMatchObject({ phase: 'finished', rounds: [] });
    expect(effects).toEqual([{ type: 'session-finished', at: T0, endedBy: null }]);
  });

  it('refuses an interview of one person or a round of no length', () => {
    expect(() => createInterview({ participants: [alice, alice], questionIds: [q1, q2], roundMs: ROUND })).toThrow(/two different/);
    expect(() => createInterview({ participants: [alice, bob], questionIds: [q1, q2], roundMs: 0 })).toThrow(/longer than zero/);
  });
});
