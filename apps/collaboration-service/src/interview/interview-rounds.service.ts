import type { RoundIndex } from '@peerprep/contracts';
import { ConflictError, ForbiddenError, NotFoundError, type DomainError } from '@peerprep/service-kit';
import type { InterviewRoundsRepository, InterviewSetup, LockedInterview } from './interview-rounds.repository';
import {
  applyInterviewEvent,
  isRefusal,
  type InterviewEffect,
  type InterviewEvent,
  type InterviewRefusal,
  type InterviewState,
  type InterviewTransition,
  type MachineOptions,
} from './round-machine';

export interface InterviewRoundsDeps {
  repository: InterviewRoundsRepository;
  /** The server's clock (ms since the epoch): every instant of the schedule comes from it. */
  now: () => number;
  random: MachineOptions['random'];
}

/** What a committed transition did: the state after it and its effects (empty for the replica that lost a race). */
export interface AppliedTransition {
  state: InterviewState;
  effects: InterviewEffect[];
}

/** The refusal as the domain error the routes map: 403 for who may not, 409 for when it cannot. */
export function refusalError(refusal: InterviewRefusal): DomainError {
  switch (refusal.refused) {
    case 'not-a-participant':
    case 'not-the-interviewer':
      return new ForbiddenError(refusal.message);
    case 'round-not-running':
      return new ConflictError(refusal.message, [{ field: 'round', message: refusal.message }]);
    case 'session-finished':
      return new ConflictError(refusal.message, [{ field: 'id', message: refusal.message }]);
  }
}

/**
 * The event on the locked state. A room closed without its interview ended
 * (a crash between the two, or a close that does not end it) ends it first,
 * at the room's close, so the rows always follow the room.
 */
function decide(locked: LockedInterview, event: InterviewEvent, options: MachineOptions): InterviewTransition | InterviewRefusal {
  const { state, closure } = locked;
  if (!closure || state.phase === 'finished') return applyInterviewEvent(state, event, options);
  // Closed before round one: nothing was stored to end, and nothing is announced again.
  if (state.rounds.length === 0) return applyInterviewEvent({ ...state, phase: 'finished' }, event, options);
  const ended = applyInterviewEvent(state, { type: 'end-session', by: closure.closedBy, at: closure.closedAt }, options);
  if (isRefusal(ended)) return ended;
  const next = applyInterviewEvent(ended.state, event, options);
  if (isRefusal(next)) return event.type === 'end-session' ? ended : next;
  return { state: next.state, effects: [...ended.effects, ...next.effects] };
}

/** A room's interview: each event decided by the round machine and committed atomically (interview-rounds.repository.ts). */
export function createInterviewRounds({ repository, now, random }: InterviewRoundsDeps) {
  async function apply(roomId: string, setup: InterviewSetup | null, event: InterviewEvent): Promise<AppliedTransition> {
    const result = await repository.transition(roomId, setup, (locked) => decide(locked, event, { random }));
    if (!result) throw new NotFoundError('No interview in this room');
    if (isRefusal(result.outcome)) throw refusalError(result.outcome);
    return result.outcome;
  }

  return {
    /** A participant connected (first time: an arrival; both arrived: round one starts). */
    joined: (roomId: string, setup: InterviewSetup, userId: string) => apply(roomId, setup, { type: 'joined', userId, at: now() }),

    /** A participant's last connection closed: nothing is stored (leaving changes no schedule), but time may have made something due. */
    left: (roomId: string, setup: InterviewSetup, userId: string) => apply(roomId, setup, { type: 'left', userId, at: now() }),

    /**
     * The interviewer ends `round` early; a ForbiddenError or ConflictError
     * (naming `round`) when refused. With the room's setup, a round asked to
     * end before round one started is a refusal too (not "no interview").
     */
    endRound: (roomId: string, userId: string, round: RoundIndex, setup: InterviewSetup | null = null) =>
      apply(roomId, setup, { type: 'end-round', userId, round, at: now() }),

    /** The session ended (a participant, or null: the system); a ConflictError naming `id` when it had already. */
    endSession: (roomId: string, setup: InterviewSetup | null, by: string | null) =>
      apply(roomId, setup, { type: 'end-session', by, at: now() }),

    /**
     * A deadline passed: applies what is due. Safe on every replica at once:
     * the first commits the step, the others find it done (no effects).
     * Null for a room without interview rows.
     */
    async advance(roomId: string): Promise<AppliedTransition | null> {
      const result = await repository.transition(roomId, null, (locked) => decide(locked, { type: 'tick', at: now() }, { random }));
      if (!result || isRefusal(result.outcome)) return null;
      return result.outcome;
    },

    load: (roomId: string, setup: InterviewSetup | null) => repository.load(roomId, setup),

    runningInterviews: () => repository.runningInterviews(),
  };
}

export type InterviewRounds = ReturnType<typeof createInterviewRounds>;
