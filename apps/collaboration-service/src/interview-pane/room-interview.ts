import type { AuthenticatedUser } from '@peerprep/auth';
import { NotFoundError } from '@peerprep/service-kit';
import type { InterviewRoundsRepository } from '../interview/interview-rounds.repository';
import type { InterviewRound, InterviewState } from '../interview/round-machine';
import type { RoomsService } from '../rooms/rooms.service';
import type { RoomWithParticipants } from '../rooms/rooms.repository';

/** What the pane and feedback read of rooms and rounds (app.ts wires the real ones). */
export interface RoomInterviewDeps {
  rooms: Pick<RoomsService, 'participantRoom'>;
  interviews: Pick<InterviewRoundsRepository, 'load'>;
}

export interface RoomInterview {
  room: RoomWithParticipants;
  /** Null while no round was ever written (round one has not started). */
  state: InterviewState | null;
}

/**
 * A mock interview's room as one of its participants sees it: 404 for an
 * unknown room and for pair practice (it has no interview to show), 403 for
 * anyone but the two participants (as every room route).
 */
export async function interviewFor(deps: RoomInterviewDeps, user: AuthenticatedUser, roomId: string): Promise<RoomInterview> {
  const room = await deps.rooms.participantRoom(user, roomId);
  if (room.mode !== 'interview') throw new NotFoundError('This room is pair practice: it has no interview');
  const state = await deps.interviews.load(roomId, null);
  return { room, state: state && state.rounds.length > 0 ? state : null };
}

export type RoundStatus = 'planned' | 'running' | 'ended';

/**
 * Where a round is as of `now`. The rows may lag behind the clock (a round
 * whose time is up is ended by the next step or timer, and a closed room's
 * interview by the next step on it), so its end and the room's close count
 * too: nothing is released into a round that is over.
 */
export function roundStatus(round: InterviewRound, room: Pick<RoomWithParticipants, 'status'>, now: number): RoundStatus {
  if (round.startedAt === null) return 'planned';
  if (round.endedAt !== null || room.status !== 'OPEN' || (round.endsAt !== null && now >= round.endsAt)) return 'ended';
  return 'running';
}
