import type { PrismaClient } from '../db/prisma';
import type { InterviewerNote, InterviewHintRelease } from '../generated/prisma/client';

export type { InterviewerNote, InterviewHintRelease };

/** The only code that reads or writes released hints and interviewers' notes. */
export function createInterviewPaneRepository(prisma: PrismaClient) {
  return {
    /** The room's released hints (of one round, or all), by round then index. */
    releases(roomId: string, round?: number): Promise<InterviewHintRelease[]> {
      return prisma.interviewHintRelease.findMany({
        where: { roomId, ...(round === undefined ? {} : { round }) },
        orderBy: [{ round: 'asc' }, { hintIndex: 'asc' }],
      });
    },

    /**
     * Records the release unless the hint was released already, and answers
     * the stored row with whether this call wrote it (only then is it
     * announced: a repeated release, or one racing it, announces nothing more).
     */
    async release(row: InterviewHintRelease): Promise<{ release: InterviewHintRelease; created: boolean }> {
      const { count } = await prisma.interviewHintRelease.createMany({ data: [row], skipDuplicates: true });
      const release = await prisma.interviewHintRelease.findUniqueOrThrow({
        where: { roomId_round_hintIndex: { roomId: row.roomId, round: row.round, hintIndex: row.hintIndex } },
      });
      return { release, created: count === 1 };
    },

    /** The author's notes on a round: nobody else's are ever read. */
    notes(roomId: string, round: number, authorId: string): Promise<InterviewerNote | null> {
      return prisma.interviewerNote.findFirst({ where: { roomId, round, authorId } });
    },

    /** The author's notes on every round of these rooms (their own history). */
    notesOf(authorId: string, roomId: string): Promise<InterviewerNote[]> {
      return prisma.interviewerNote.findMany({ where: { authorId, roomId } });
    },

    /**
     * A deleted account (user.deleted): their notes go (nobody else may ever
     * read them). The hints they released stay: both peers saw them.
     */
    async forgetAuthor(authorId: string): Promise<void> {
      await prisma.interviewerNote.deleteMany({ where: { authorId } });
    },

    writeNotes(note: InterviewerNote): Promise<InterviewerNote> {
      const { roomId, round } = note;
      return prisma.interviewerNote.upsert({ where: { roomId_round: { roomId, round } }, create: note, update: note });
    },
  };
}

export type InterviewPaneRepository = ReturnType<typeof createInterviewPaneRepository>;
