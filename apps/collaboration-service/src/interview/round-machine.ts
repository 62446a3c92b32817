import { INTERVIEW_WARNING_SECONDS, type InterviewPhase, type RoundEndReason, type RoundIndex } from '@peerprep/contracts';

/*
 * The rounds of a mock interview (issue #18), as a pure state machine: no I/O,
 * every instant passed in (ms since the epoch). The repository persists what
 * a transition changed, under the room's row lock, so replicas racing on the
 * same deadline advance it once.
 *
 * The semantics:
 * - Round one starts when both peers have connected once (each replica sees
 *   only its own sockets, so "connected once" is what the replicas can agree
 *   on through the database; "both connected at the same instant" is not).
 *   Its interviewer is drawn at random (`random`, injected), the other is the
 *   candidate.
 * - The schedule is the server's: a round lasts `roundMs` from its start,
 *   whoever is connected. Leaving never pauses it; a peer who comes back sees
 *   the same start and end; with both gone, round one still times out, round
 *   two still starts and times out, and the session finishes.
 * - A round ends when its time is up (its end is the scheduled `endsAt`, even
 *   when the server notices later) or when its interviewer ends it (then and
 *   there). Ending round one starts round two at once: roles swapped, the
 *   second question, a full `roundMs` from when the server started it (a
 *   late timer costs the pause between the rounds, not round two's time).
 * - Ending the session (a peer, or the system) ends the running round with
 *   reason 'session'; a round two that never started stays unstarted.
 * - The warning is due `INTERVIEW_WARNING_SECONDS` before a round's end,
 *   once per round; a round no longer than that has none (it starts inside
 *   its last minutes), and one whose end passed before anyone noticed the
 *   warning just ends.
 * - Every event first applies what time has made due by its instant, so the
 *   state is never behind the clock, whoever's event comes first.
 */

export const WARNING_MS = INTERVIEW_WARNING_SECONDS * 1000;

export interface InterviewRound {
  index: RoundIndex;
  interviewerId: string;
  candidateId: string;
  questionId: string;
  /** Planned length: a started round ends at startedAt + lengthMs. */
  lengthMs: number;
  /** Null while planned (round two during round one, and for good if the session ends first). */
  startedAt: number | null;
  endsAt: number | null;
  /** When the five-minute warning went out, once per round. */
  warnedAt: number | null;
  endedAt: number | null;
  endReason: RoundEndReason | null;
}

export interface Presence {
  /** The first time this peer connected (null: never yet). Round one starts once both have. */
  arrivedAt: number | null;
  /** Connected now, as far as the caller knows; it never changes the schedule. */
  present: boolean;
}

export interface InterviewState {
  /** The two peers, in the room's order. */
  participants: readonly [string, string];
  /** Round one's question, then round two's. */
  questionIds: readonly [string, string];
  /** The length of each round (half the interview). */
  roundMs: number;
  phase: InterviewPhase;
  /** Empty while waiting; from round one's start on, round one and round two (planned until it starts). */
  rounds: readonly InterviewRound[];
  presence: Readonly<Record<string, Presence>>;
}

export type InterviewEvent =
  /** A peer connected (the first time, or again). */
  | { type: 'joined'; userId: string; at: number }
  | { type: 'left'; userId: string; at: number }
  /** A timer fired: applies whatever is due by `at`. */
  | { type: 'tick'; at: number }
  /** The interviewer ends `round` early; naming it means a round that already timed out is not mistaken for the next. */
  | { type: 'end-round'; userId: string; round: RoundIndex; at: number }
  /** The session ends (`by` a peer, or null: the system). */
  | { type: 'end-session'; by: string | null; at: number };

export type InterviewEffect =
  | { type: 'round-started'; round: InterviewRound }
  | { type: 'round-ended'; round: InterviewRound }
  /** Round two started: who asks and who answers now. */
  | { type: 'roles-swapped'; interviewerId: string; candidateId: string }
  | { type: 'warning-due'; round: InterviewRound }
  | { type: 'session-finished'; at: number; endedBy: string | null };

/**
 * Why an event was refused; the state is unchanged. The routes answer 403
 * for `not-a-participant` and `not-the-interviewer`, 409 for the others.
 */
export type InterviewRefusal =
  | { refused: 'not-a-participant'; message: string }
  | { refused: 'not-the-interviewer'; message: string }
  | { refused: 'round-not-running'; message: string }
  | { refused: 'session-finished'; message: string };

export type InterviewTransition = { state: InterviewState; effects: InterviewEffect[] };

export interface MachineOptions {
  /** In [0, 1): draws round one's interviewer. Injected so tests (and nothing else) choose. */
  random: () => number;
}

/** A new interview, waiting for both peers. */
export function createInterview(setup: {
  participants: readonly [string, string];
  questionIds: readonly [string, string];
  roundMs: number;
}): InterviewState {
  const [first, second] = setup.participants;
  if (first === second) throw new Error('An interview needs two different participants');
  if (!(setup.roundMs > 0)) throw new Error('A round must last longer than zero');
  return {
    ...setup,
    phase: 'waiting',
    rounds: [],
    presence: { [first]: { arrivedAt: null, present: false }, [second]: { arrivedAt: null, present: false } },
  };
}

/** The round being played, if any. */
export function currentRound(state: InterviewState): InterviewRound | null {
  if (state.phase === 'round1') return state.rounds[0] ?? null;
  if (state.phase === 'round2') return state.rounds[1] ?? null;
  return null;
}

function warningAt(round: InterviewRound): number | null {
  if (round.endsAt === null || round.warnedAt !== null || round.lengthMs <= WARNING_MS) return null;
  return round.endsAt - WARNING_MS;
}

/** When something is next due without any event (the warning, or the round's end): where to set a timer. Null: nothing is. */
export function nextDeadline(state: InterviewState): number | null {
  const round = currentRound(state);
  if (!round) return null;
  return warningAt(round) ?? round.endsAt;
}

const replaceRound = (state: InterviewState, round: InterviewRound): InterviewState => ({
  ...state,
  rounds: state.rounds.map((existing) => (existing.index === round.index ? round : existing)),
});

function startRound(state: InterviewState, index: RoundIndex, at: number, effects: InterviewEffect[]): InterviewState {
  const planned = state.rounds[index - 1];
  const round: InterviewRound = { ...planned, startedAt: at, endsAt: at + planned.lengthMs };
  effects.push({ type: 'round-started', round });
  if (index === 2) effects.push({ type: 'roles-swapped', interviewerId: round.interviewerId, candidateId: round.candidateId });
  return { ...replaceRound(state, round), phase: index === 1 ? 'round1' : 'round2' };
}

/**
 * Ends the running round at `endedAt`. After round one (but for the
 * session's end) round two starts at `nextStartsAt`; after round two the
 * session is finished (`endedBy`: its interviewer, or null for the time).
 */
function endRound(
  state: InterviewState,
  round: InterviewRound,
  ending: { endedAt: number; endReason: RoundEndReason; endedBy: string | null; nextStartsAt: number },
  effects: InterviewEffect[],
): InterviewState {
  const ended: InterviewRound = { ...round, endedAt: ending.endedAt, endReason: ending.endReason };
  effects.push({ type: 'round-ended', round: ended });
  const next = replaceRound(state, ended);
  if (ending.endReason === 'session') return { ...next, phase: 'finished' };
  if (round.index === 1) return startRound(next, 2, ending.nextStartsAt, effects);
  effects.push({ type: 'session-finished', at: ending.endedAt, endedBy: ending.endedBy });
  return { ...next, phase: 'finished' };
}

/** Applies what time has made due by `at`: the warning, a round's end (and round two's start). */
function catchUp(state: InterviewState, at: number, effects: InterviewEffect[]): InterviewState {
  let current = state;
  for (;;) {
    const round = currentRound(current);
    if (!round || round.endsAt === null) return current;
    if (at >= round.endsAt) {
      current = endRound(current, round, { endedAt: round.endsAt, endReason: 'time', endedBy: null, nextStartsAt: at }, effects);
      continue;
    }
    const warnAt = warningAt(round);
    if (warnAt !== null && at >= warnAt) {
      const warned = { ...round, warnedAt: at };
      effects.push({ type: 'warning-due', round: warned });
      current = replaceRound(current, warned);
    }
    return current;
  }
}

function planRounds(state: InterviewState, random: () => number): InterviewRound[] {
  const [first, second] = state.participants;
  const [interviewerId, candidateId] = random() < 0.5 ? [first, second] : [second, first];
  const planned = { lengthMs: state.roundMs, startedAt: null, endsAt: null, warnedAt: null, endedAt: null, endReason: null };
  return [
    { ...planned, index: 1, interviewerId, candidateId, questionId: state.questionIds[0] },
    { ...planned, index: 2, interviewerId: candidateId, candidateId: interviewerId, questionId: state.questionIds[1] },
  ];
}

const notAParticipant: InterviewRefusal = {
  refused: 'not-a-participant',
  message: 'Only the two participants take part in this interview',
};

/**
 * The next state and what happened, or why the event is refused (nothing
 * changes then, not even what time made due: the next event or timer does
 * that).
 */
export function applyInterviewEvent(
  state: InterviewState,
  event: InterviewEvent,
  { random }: MachineOptions,
): InterviewTransition | InterviewRefusal {
  const actor = event.type === 'end-session' ? event.by : event.type === 'tick' ? null : event.userId;
  if (actor !== null && !state.participants.includes(actor)) return notAParticipant;
  const effects: InterviewEffect[] = [];
  let next = catchUp(state, event.at, effects);

  switch (event.type) {
    case 'tick':
      break;
    case 'joined':
    case 'left': {
      const presence = next.presence[event.userId];
      const arrivedAt = presence.arrivedAt ?? (event.type === 'joined' ? event.at : null);
      next = { ...next, presence: { ...next.presence, [event.userId]: { arrivedAt, present: event.type === 'joined' } } };
      const bothArrived = next.participants.every((id) => next.presence[id].arrivedAt !== null);
      if (next.phase === 'waiting' && bothArrived) next = startRound({ ...next, rounds: planRounds(next, random) }, 1, event.at, effects);
      break;
    }
    case 'end-round': {
      const round = currentRound(next);
      if (!round || round.index !== event.round) {
        return { refused: 'round-not-running', message: `Round ${event.round} is not being played` };
      }
      if (round.interviewerId !== event.userId) {
        return { refused: 'not-the-interviewer', message: 'Only the interviewer can end the round' };
      }
      next = endRound(next, round, { endedAt: event.at, endReason: 'interviewer', endedBy: event.userId, nextStartsAt: event.at }, effects);
      break;
    }
    case 'end-session': {
      if (next.phase === 'finished') return { refused: 'session-finished', message: 'The interview is over' };
      const round = currentRound(next);
      next = round
        ? endRound(next, round, { endedAt: event.at, endReason: 'session', endedBy: event.by, nextStartsAt: event.at }, effects)
        : { ...next, phase: 'finished' };
      effects.push({ type: 'session-finished', at: event.at, endedBy: event.by });
      break;
    }
  }
  return { state: next, effects };
}

export function isRefusal(outcome: InterviewTransition | InterviewRefusal): outcome is InterviewRefusal {
  return 'refused' in outcome;
}
