import type { PrismaClient } from '../db/prisma';
import type { Attempt } from '../generated/prisma/client';

/** The only code that reads attempts for the history pages. */
export function createHistoryRepository(prisma: PrismaClient) {
  return {
    /** A user's own attempts, newest first, one page plus the total. */
    async listForUser(userId: string, page: number, pageSize: number): Promise<{ items: Attempt[]; total: number }> {
      const [items, total] = await prisma.$transaction([
        prisma.attempt.findMany({
          where: { userId },
          orderBy: [{ endedAt: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        prisma.attempt.count({ where: { userId } }),
      ]);
      return { items, total };
    },

    findById(id: string): Promise<Attempt | null> {
      return prisma.attempt.findUnique({ where: { id } });
    },
  };
}

export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
