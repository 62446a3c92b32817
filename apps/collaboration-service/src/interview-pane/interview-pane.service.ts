import type { AuthenticatedUser } from '@peerprep/auth';
import {
  INTERVIEW_NOTES_EDITABLE_HOURS,
  type InterviewerNotes,
  type InterviewerPane,
  type InterviewerMaterial,
  type ReleasedHint,
  type ReleasedHints,
} from '@peerprep/contracts';
import { ConflictError, ForbiddenError, NotFoundError } from '@peerprep/service-kit';
import type { InterviewRound } from '../interview/round-machine';
import type { InterviewerMaterialSource } from '../questions/interviewer-material-source';
import type { InterviewerNote, InterviewHintRelease, InterviewPaneRepository } from './interview-pane.repository';
import { interviewFor, roundStatus, type RoomInterview, type RoomInterviewDeps } from './room-interview';

const HOUR = 3_600_000;

/** Where a released hint goes besides the database: both peers' editor sockets, on every replica (live-rooms.ts). */
export interface HintAnnouncer {
  announceHint(roomId: string, hint: ReleasedHint): void;
}

export interface InterviewPaneDeps extends RoomInterviewDeps {
  repository: InterviewPaneRepository;
  /** question-service's material, cached briefly (material-cache.ts). */
  materials: InterviewerMaterialSource;
  announcer: HintAnnouncer;
  /** The server's clock (ms since the epoch). */
  now: () => number;
}

const toReleasedHint = (row: InterviewHintRelease): ReleasedHint => ({
  round: row.round,
  index: row.hintIndex,
  text: row.text,
  releasedAt: row.releasedAt.toISOString(),
});

const toNotes = (row: InterviewerNote): InterviewerNotes => ({ round: row.round, text: row.text, updatedAt: row.updatedAt.toISOString() });

const roundConflict = (message: string) => new ConflictError(message, [{ field: 'round', message }]);

/**
 * The interviewer's pane (issue #18 item 4). Who may see what:
 * - the material (hints, reference solutions, rubric) and the notes of a
 *   round: its interviewer alone, from its start on, for good (during the
 *   round, and after it, to rate the candidate on the rubric and reread the
 *   notes); its candidate never (403), not even after the session;
 * - releasing a hint: its interviewer, while the round runs;
 * - a released hint: both peers (the route, and message 104 on the editor).
 */
export function createInterviewPaneService(deps: InterviewPaneDeps) {
  const { repository, materials, announcer, now } = deps;

  /** The round `index` of the caller's interview, which the caller interviews in and which has started. */
  async function interviewerRound(user: AuthenticatedUser, roomId: string, index: number): Promise<RoomInterview & { round: InterviewRound }> {
    const interview = await interviewFor(deps, user, roomId);
    const round = interview.state?.rounds[index - 1];
    if (!round) throw new NotFoundError('This interview has not started yet');
    if (round.interviewerId !== user.id) throw new ForbiddenError(`Only the interviewer of round ${index} sees its material`);
    if (round.startedAt === null) throw roundConflict(`Round ${index} has not started`);
    return { ...interview, round };
  }

  async function materialOf(round: InterviewRound): Promise<InterviewerMaterial> {
    const material = await materials.get(round.questionId);
    // The question was deleted from the bank since the round started.
    if (!material) throw new NotFoundError('The question of this round no longer exists');
    return material;
  }

  return {
    async material(user: AuthenticatedUser, roomId: string, index: number): Promise<InterviewerPane> {
      const { round } = await interviewerRound(user, roomId, index);
      const [material, releases, notes] = await Promise.all([
        materialOf(round),
        repository.releases(roomId, index),
        repository.notes(roomId, index, user.id),
      ]);
      const released = new Map(releases.map((row) => [row.hintIndex, row]));
      return {
        round: index,
        questionId: round.questionId,
        hints: material.hints.map((text, hintIndex) => ({
          index: hintIndex,
          text,
          released: released.has(hintIndex),
          releasedAt: released.get(hintIndex)?.releasedAt.toISOString() ?? null,
        })),
        referenceSolutions: material.referenceSolutions,
        rubric: material.rubric,
        notes: notes ? toNotes(notes) : null,
      };
    },

    /**
     * Releases hint `hintIndex` of the running round to both peers. Hints go
     * in the question's order (its author ordered them from a nudge to nearly
     * the answer, and the pane offers "the next hint"): the next one is the
     * first not released, any other is a 409 naming `index`. Releasing one
     * already released answers it again and announces nothing.
     */
    async releaseHint(user: AuthenticatedUser, roomId: string, index: number, hintIndex: number): Promise<ReleasedHint> {
      const { room, round } = await interviewerRound(user, roomId, index);
      const released = await repository.releases(roomId, index);
      const already = released.find((row) => row.hintIndex === hintIndex);
      if (already) return toReleasedHint(already);
      if (roundStatus(round, room, now()) !== 'running') throw roundConflict(`Round ${index} is not being played`);
      const material = await materialOf(round);
      if (hintIndex >= material.hints.length) throw new NotFoundError(`This question has ${material.hints.length} hints`);
      const next = released.length;
      if (hintIndex !== next) {
        const message = `Hints are released in order: the next one is ${next}`;
        throw new ConflictError(message, [{ field: 'index', message }]);
      }
      const { release, created } = await repository.release({
        roomId,
        round: index,
        hintIndex,
        text: material.hints[hintIndex],
        releasedBy: user.id,
        releasedAt: new Date(now()),
      });
      const hint = toReleasedHint(release);
      if (created) announcer.announceHint(roomId, hint);
      return hint;
    },

    /**
     * Replaces the interviewer's notes on a started round, until
     * INTERVIEW_NOTES_EDITABLE_HOURS after the room closed (time to finish
     * them after the session, then they are a record).
     */
    async writeNotes(user: AuthenticatedUser, roomId: string, index: number, text: string): Promise<InterviewerNotes> {
      const { room } = await interviewerRound(user, roomId, index);
      if (room.closedAt && now() >= room.closedAt.getTime() + INTERVIEW_NOTES_EDITABLE_HOURS * HOUR) {
        throw roundConflict(`Notes can be changed until ${INTERVIEW_NOTES_EDITABLE_HOURS} hours after the session`);
      }
      return toNotes(await repository.writeNotes({ roomId, round: index, authorId: user.id, text, updatedAt: new Date(now()) }));
    },

    /** Every hint released in the room, for both participants (an interview not started yet has none). */
    async releasedHints(user: AuthenticatedUser, roomId: string): Promise<ReleasedHints> {
      await interviewFor(deps, user, roomId);
      return { items: (await repository.releases(roomId)).map(toReleasedHint) };
    },

    /** The author's own notes per round of a room (their history). */
    notesOf: (authorId: string, roomId: string) => repository.notesOf(authorId, roomId),

    /** user.deleted: the user's notes go. */
    forgetUser: (userId: string) => repository.forgetAuthor(userId),
  };
}

export type InterviewPaneService = ReturnType<typeof createInterviewPaneService>;
