import type { CriterionScore, EventEnvelope } from '@peerprep/contracts';
import { outboxRow } from '@peerprep/messaging';
import { ConflictError, uniqueViolationFields } from '@peerprep/service-kit';
import type { PrismaClient } from '../db/prisma';
import type { InterviewFeedback, PeerBlock, Prisma } from '../generated/prisma/client';

export type { InterviewFeedback, PeerBlock };

export interface NewFeedback {
  roomId: string;
  round: number;
  giverId: string;
  receiverId: string;
  questionId: string;
  scores: CriterionScore[];
  comment: string;
  submittedAt: Date;
}

/** Feedback received, with when its room closed (visibility counts from then). */
export type ReceivedFeedback = InterviewFeedback & { room: { closedAt: Date | null } };

export const feedbackScores = (row: InterviewFeedback): CriterionScore[] => row.scores as unknown as CriterionScore[];

/** The only code that reads or writes feedback and blocks. */
export function createFeedbackRepository(prisma: PrismaClient) {
  return {
    /** A second feedback for the same round (so by the same giver) is a ConflictError naming `id`. */
    async create(feedback: NewFeedback): Promise<InterviewFeedback> {
      try {
        return await prisma.interviewFeedback.create({
          data: { ...feedback, scores: feedback.scores as unknown as Prisma.InputJsonValue },
        });
      } catch (error) {
        if (!uniqueViolationFields(error)) throw error;
        const message = 'You already gave your feedback on this session';
        throw new ConflictError(message, [{ field: 'id', message }]);
      }
    },

    /** The room's feedback given or received by the user (at most one of each). */
    async forUserInRoom(roomId: string, userId: string): Promise<{ given: InterviewFeedback | null; received: InterviewFeedback | null }> {
      const rows = await prisma.interviewFeedback.findMany({ where: { roomId, OR: [{ giverId: userId }, { receiverId: userId }] } });
      return {
        given: rows.find((row) => row.giverId === userId) ?? null,
        received: rows.find((row) => row.receiverId === userId) ?? null,
      };
    },

    /** Everything the user received, oldest session first, and the rooms in which they gave feedback themselves. */
    async receivedBy(userId: string): Promise<{ received: ReceivedFeedback[]; gaveIn: Set<string> }> {
      const [received, given] = await Promise.all([
        prisma.interviewFeedback.findMany({
          where: { receiverId: userId },
          include: { room: { select: { closedAt: true } } },
          orderBy: [{ room: { closedAt: 'asc' } }, { round: 'asc' }],
        }),
        prisma.interviewFeedback.findMany({ where: { giverId: userId }, select: { roomId: true } }),
      ]);
      return { received, gaveIn: new Set(given.map((row) => row.roomId)) };
    },

    /**
     * Records the block and commits `announce`'s events (peer.blocked) to the
     * outbox in the same transaction, unless the caller had blocked that user
     * already: then the first block is answered and nothing is announced again.
     */
    async block(block: PeerBlock, announce: (block: PeerBlock) => EventEnvelope[]): Promise<{ block: PeerBlock; created: boolean }> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.peerBlock.createMany({ data: [block], skipDuplicates: true });
        if (count === 1) await tx.outboxEvent.createMany({ data: announce(block).map(outboxRow) });
        const stored = await tx.peerBlock.findUniqueOrThrow({
          where: { blockerId_blockedId: { blockerId: block.blockerId, blockedId: block.blockedId } },
        });
        return { block: stored, created: count === 1 };
      });
    },

    /**
     * A deleted account (user.deleted), in one transaction: the feedback they
     * received goes with them (it is about them; its giver no longer sees it
     * as given); the feedback they gave stays with its receiver, from nobody
     * (giver null, and shown at once: the receiver can rate them no more);
     * their blocks go either way (matching forgets them too).
     */
    async forgetUser(userId: string): Promise<void> {
      await prisma.$transaction([
        prisma.interviewFeedback.deleteMany({ where: { receiverId: userId } }),
        prisma.interviewFeedback.updateMany({ where: { giverId: userId }, data: { giverId: null } }),
        prisma.peerBlock.deleteMany({ where: { OR: [{ blockerId: userId }, { blockedId: userId }] } }),
      ]);
    },
  };
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;
