import type { AuthenticatedUser } from '@peerprep/auth';
import {
  DEFAULT_RUBRIC,
  FEEDBACK_VISIBLE_AFTER_HOURS,
  type AttemptFeedback,
  type CriterionScore,
  type FeedbackSummary,
  type FeedbackView,
  type PeerBlockView,
  type Rubric,
  type RoomFeedback,
  type SubmitFeedbackRequest,
} from '@peerprep/contracts';
import { createEvent, type OutboxRelay } from '@peerprep/messaging';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@peerprep/service-kit';
import type { HistoryRepository } from '../history/history.repository';
import type { InterviewRound, InterviewState } from '../interview/round-machine';
import type { InterviewPaneService } from '../interview-pane/interview-pane.service';
import { interviewFor, type RoomInterviewDeps } from '../interview-pane/room-interview';
import type { InterviewerMaterialSource } from '../questions/interviewer-material-source';
import type { RoomWithParticipants } from '../rooms/rooms.repository';
import { feedbackScores, type FeedbackRepository, type InterviewFeedback } from './feedback.repository';

const VISIBLE_AFTER_MS = FEEDBACK_VISIBLE_AFTER_HOURS * 3_600_000;

export interface FeedbackDeps extends RoomInterviewDeps {
  repository: FeedbackRepository;
  /** question-service's material (cached): the rubric of the round rated. */
  materials: InterviewerMaterialSource;
  history: Pick<HistoryRepository, 'findById'>;
  notes: Pick<InterviewPaneService, 'notesOf'>;
  /** Told after a block committed peer.blocked, so it goes out now rather than at the relay's next poll. */
  outbox: Pick<OutboxRelay, 'wake'>;
  /** The server's clock (ms since the epoch): feedback becomes visible by it. Injected so tests can move it. */
  now: () => number;
}

const toView = (row: InterviewFeedback): FeedbackView => ({
  round: row.round,
  questionId: row.questionId,
  scores: feedbackScores(row),
  comment: row.comment,
  submittedAt: row.submittedAt.toISOString(),
});

/** The started round `userId` interviewed in: where they rate the other peer, its candidate. */
const roundInterviewedBy = (state: InterviewState | null, userId: string): InterviewRound | null =>
  state?.rounds.find((round) => round.interviewerId === userId && round.startedAt !== null) ?? null;

/**
 * Whether feedback received in a room may be shown to its receiver at `now`:
 * once the receiver gave theirs too (both have), or FEEDBACK_VISIBLE_AFTER_HOURS
 * after the room closed; never before, so nobody rates after reading what
 * they got. A giver who deleted their account since (`giverLeft`) can be
 * rated no more (and what was given them went with them), so theirs shows.
 */
function visibility(
  closedAt: Date | null,
  { receiverGave, giverLeft }: { receiverGave: boolean; giverLeft: boolean },
  now: number,
): { visible: boolean; visibleAt: number | null } {
  if (!closedAt) return { visible: false, visibleAt: null };
  const visibleAt = closedAt.getTime() + VISIBLE_AFTER_MS;
  return { visible: receiverGave || giverLeft || now >= visibleAt, visibleAt };
}

/**
 * The scores as stored, in the rubric's order with each criterion's title,
 * or a 400 naming `scores.<id>` for every criterion missing and every id the
 * rubric does not have (a score outside 1–4 was refused by the contract).
 */
function scoresOnRubric(rubric: Rubric, scores: SubmitFeedbackRequest['scores']): CriterionScore[] {
  const known = new Set(rubric.map((criterion) => criterion.id));
  const fields = [
    ...rubric
      .filter((criterion) => !Object.hasOwn(scores, criterion.id))
      .map((criterion) => ({ field: `scores.${criterion.id}`, message: `Rate "${criterion.title}" from 1 to 4`, location: 'body' as const })),
    ...Object.keys(scores)
      .filter((id) => !known.has(id))
      .map((id) => ({ field: `scores.${id}`, message: 'Not a criterion of this round\'s rubric', location: 'body' as const })),
  ];
  if (fields.length > 0) throw new ValidationError('The scores do not fit the rubric', fields);
  return rubric.map((criterion) => ({ criterionId: criterion.id, title: criterion.title, score: scores[criterion.id] }));
}

/** The other participant, or a 409 when they deleted their account (nobody is left to rate or block). */
function otherParticipant(room: RoomWithParticipants, user: AuthenticatedUser): string {
  const other = room.participants.find((participant) => participant.userId !== user.id);
  if (!other?.userId) {
    const message = 'Your partner deleted their account';
    throw new ConflictError(message, [{ field: 'id', message }]);
  }
  return other.userId;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Feedback after a mock interview and blocking a peer (issue #18 item 6; README "Feedback"). */
export function createFeedbackService(deps: FeedbackDeps) {
  const { repository, materials, history, notes, outbox, now } = deps;

  async function rubricOf(round: InterviewRound): Promise<Rubric> {
    // A question deleted from the bank since: rated on the default rubric, as questions without their own are.
    return (await materials.get(round.questionId))?.rubric ?? [...DEFAULT_RUBRIC];
  }

  return {
    /**
     * The caller rates the other peer as the candidate of the round the
     * caller interviewed in, once the room has closed; once per caller and room.
     */
    async submit(user: AuthenticatedUser, roomId: string, request: SubmitFeedbackRequest): Promise<FeedbackView> {
      const { room, state } = await interviewFor(deps, user, roomId);
      if (room.status === 'OPEN') {
        const message = 'Feedback is given once the session has ended';
        throw new ConflictError(message, [{ field: 'id', message }]);
      }
      const round = roundInterviewedBy(state, user.id);
      if (!round) {
        const message = 'Your partner was never the candidate in this session: there is no round to rate';
        throw new ConflictError(message, [{ field: 'id', message }]);
      }
      const receiverId = otherParticipant(room, user);
      const scores = scoresOnRubric(await rubricOf(round), request.scores);
      const row = await repository.create({
        roomId,
        round: round.index,
        giverId: user.id,
        receiverId,
        questionId: round.questionId,
        scores,
        comment: request.comment,
        submittedAt: new Date(now()),
      });
      return toView(row);
    },

    /** What the caller gave and (once visible) received in the room, and what is left to rate. */
    async roomFeedback(user: AuthenticatedUser, roomId: string): Promise<RoomFeedback> {
      const { room, state } = await interviewFor(deps, user, roomId);
      const { given, received } = await repository.forUserInRoom(roomId, user.id);
      const { visible, visibleAt } = visibility(room.closedAt, { receiverGave: given !== null, giverLeft: received?.giverId === null }, now());
      const shown = visible && received ? received : null;
      const toRateRound = room.status === 'CLOSED' && !given ? roundInterviewedBy(state, user.id) : null;
      const partnerLeft = !room.participants.some((participant) => participant.userId !== user.id && participant.userId !== null);
      return {
        given: given ? toView(given) : null,
        received: shown ? toView(shown) : null,
        // Hidden or not yet given: when it shows at the latest. Whether the peer gave any is not told.
        receivedVisibleAt: !shown && visibleAt !== null && now() < visibleAt ? new Date(visibleAt).toISOString() : null,
        toRate:
          toRateRound && !partnerLeft
            ? { round: toRateRound.index, questionId: toRateRound.questionId, rubric: await rubricOf(toRateRound) }
            : null,
      };
    },

    /**
     * An attempt's rounds as its owner sees them afterwards: the feedback
     * received as the candidate (visible by the same rule) and their own
     * notes as the interviewer. Pair practice has no rounds.
     */
    async attemptFeedback(user: AuthenticatedUser, attemptId: string): Promise<AttemptFeedback> {
      const attempt = await history.findById(attemptId);
      if (!attempt) throw new NotFoundError('No such attempt');
      if (attempt.userId !== user.id) throw new ForbiddenError('Only your own attempts can be opened');
      const room = await deps.rooms.participantRoom(user, attempt.roomId);
      const state = room.mode === 'interview' ? await deps.interviews.load(room.id, null) : null;
      const started = (state?.rounds ?? []).filter((round) => round.startedAt !== null);
      if (started.length === 0) return { attemptId, rounds: [] };
      const [{ given, received }, ownNotes] = await Promise.all([repository.forUserInRoom(room.id, user.id), notes.notesOf(user.id, room.id)]);
      const { visible, visibleAt } = visibility(room.closedAt, { receiverGave: given !== null, giverLeft: received?.giverId === null }, now());
      return {
        attemptId,
        rounds: started.map((round) => {
          const candidate = round.candidateId === user.id;
          const feedback = candidate && visible && received?.round === round.index ? toView(received) : null;
          return {
            index: round.index,
            role: candidate ? ('candidate' as const) : ('interviewer' as const),
            questionId: round.questionId,
            feedback,
            feedbackVisibleAt: candidate && !feedback && visibleAt !== null && now() < visibleAt ? new Date(visibleAt).toISOString() : null,
            notes: candidate ? null : (ownNotes.find((note) => note.round === round.index)?.text ?? null),
          };
        }),
      };
    },

    /** The caller's visible feedback received: averages per criterion, and one point per rated round over time. */
    async summary(user: AuthenticatedUser): Promise<FeedbackSummary> {
      const { received, gaveIn } = await repository.receivedBy(user.id);
      const at = now();
      const shown = received.filter(
        (row) => visibility(row.room.closedAt, { receiverGave: gaveIn.has(row.roomId), giverLeft: row.giverId === null }, at).visible,
      );
      const criteria = new Map<string, { title: string; total: number; count: number }>();
      for (const row of shown) {
        for (const { criterionId, title, score } of feedbackScores(row)) {
          const entry = criteria.get(criterionId) ?? { title, total: 0, count: 0 };
          // Rows come oldest first: the latest title given wins.
          criteria.set(criterionId, { title, total: entry.total + score, count: entry.count + 1 });
        }
      }
      return {
        feedbackCount: shown.length,
        criteria: [...criteria].map(([id, { title, total, count }]) => ({ id, title, average: round2(total / count), count })),
        series: shown.map((row) => ({
          roomId: row.roomId,
          round: row.round,
          questionId: row.questionId,
          date: (row.room.closedAt ?? row.submittedAt).toISOString(),
          scores: feedbackScores(row),
        })),
      };
    },

    /**
     * The caller blocks the room's other participant, during or after the
     * session, in either mode: stored, and peer.blocked committed to the
     * outbox with it (matching never pairs the two again). Idempotent.
     */
    async block(user: AuthenticatedUser, roomId: string): Promise<PeerBlockView> {
      const room = await deps.rooms.participantRoom(user, roomId);
      const blockedId = otherParticipant(room, user);
      const { block, created } = await repository.block(
        { blockerId: user.id, blockedId, roomId, blockedAt: new Date(now()) },
        (row) => [
          createEvent('peer.blocked', {
            blockerId: row.blockerId,
            blockedId: row.blockedId,
            roomId: row.roomId,
            blockedAt: row.blockedAt.toISOString(),
          }),
        ],
      );
      if (created) outbox.wake();
      return { blockedId: block.blockedId, roomId: block.roomId, blockedAt: block.blockedAt.toISOString() };
    },

    /** user.deleted (see the repository). */
    forgetUser: (userId: string) => repository.forgetUser(userId),
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
