import type { PrismaClient } from '../db/prisma';
import type { RefreshToken } from '../generated/prisma/client';

export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** The only code that reads or writes the refresh_tokens table. */
export function createRefreshTokensRepository(prisma: PrismaClient) {
  return {
    async insert(token: NewRefreshToken): Promise<void> {
      await prisma.refreshToken.create({ data: token });
    },

    findByHash(tokenHash: string): Promise<RefreshToken | null> {
      return prisma.refreshToken.findUnique({ where: { tokenHash } });
    },

    /**
     * Marks `id` rotated and inserts its successor, atomically. False when the
     * token was rotated or revoked meanwhile (a concurrent use of the same
     * token): then nothing is inserted.
     */
    async rotate(id: string, successor: NewRefreshToken, now: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.refreshToken.updateMany({
          where: { id, rotatedAt: null, revokedAt: null },
          data: { rotatedAt: now },
        });
        if (count !== 1) return false;
        await tx.refreshToken.create({ data: successor });
        return true;
      });
    },

    async revokeFamily(familyId: string, now: Date): Promise<void> {
      await prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
    },

    async revokeAllOfUser(userId: string, now: Date): Promise<void> {
      await prisma.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    },

    /**
     * Forgets the user's tokens that expired before `before`. Rotated tokens are
     * kept until then, because reuse detection needs them.
     */
    async deleteExpiredOfUser(userId: string, before: Date): Promise<void> {
      await prisma.refreshToken.deleteMany({ where: { userId, expiresAt: { lt: before } } });
    },
  };
}

export type RefreshTokensRepository = ReturnType<typeof createRefreshTokensRepository>;
