import { randomUUID } from 'node:crypto';
import { UnauthorizedError, type Logger } from '@peerprep/service-kit';
import type { Clock } from '../clock';
import type { RefreshTokensRepository } from './refresh-tokens.repository';
import { decideRefresh, generateRefreshToken, hashRefreshToken, refreshTokenExpiry } from './refresh-token-rules';

export interface IssuedSession {
  userId: string;
  /** The refresh-token family: one per sign-in. */
  sessionId: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface SessionsServiceDeps {
  refreshTokens: RefreshTokensRepository;
  clock: Clock;
  refreshTokenTtlDays: number;
  logger: Logger;
}

const INVALID_SESSION = 'The session is invalid or has expired; sign in again';

/** Sessions are refresh-token families: started at sign-in, rotated on each refresh, revoked as a whole. */
export function createSessionsService({ refreshTokens, clock, refreshTokenTtlDays, logger }: SessionsServiceDeps) {
  function newToken(userId: string, familyId: string, now: Date) {
    const refreshToken = generateRefreshToken();
    const expiresAt = refreshTokenExpiry(now, refreshTokenTtlDays);
    return { refreshToken, expiresAt, row: { userId, familyId, tokenHash: hashRefreshToken(refreshToken), expiresAt } };
  }

  return {
    async start(userId: string): Promise<IssuedSession> {
      const now = clock.now();
      const sessionId = randomUUID();
      // Housekeeping on sign-in keeps each user's rows bounded without a cron job.
      await refreshTokens.deleteExpiredOfUser(userId, now);
      const { refreshToken, expiresAt, row } = newToken(userId, sessionId, now);
      await refreshTokens.insert(row);
      return { userId, sessionId, refreshToken, expiresAt };
    },

    /** Exchanges a refresh token for its successor; throws UnauthorizedError for anything but a live current token. */
    async rotate(presented: string): Promise<IssuedSession> {
      const now = clock.now();
      const stored = await refreshTokens.findByHash(hashRefreshToken(presented));
      const decision = decideRefresh(stored, now);
      if (decision.action === 'revoke-family') {
        await refreshTokens.revokeFamily(decision.familyId, now);
        logger.warn({ userId: stored?.userId, sessionId: decision.familyId }, 'refresh token reused: session revoked');
        throw new UnauthorizedError(INVALID_SESSION);
      }
      if (decision.action === 'reject' || !stored) throw new UnauthorizedError(INVALID_SESSION);

      const { refreshToken, expiresAt, row } = newToken(stored.userId, stored.familyId, now);
      if (!(await refreshTokens.rotate(stored.id, row, now))) {
        // Lost a race with another use of the same token: that is reuse too.
        await refreshTokens.revokeFamily(stored.familyId, now);
        logger.warn({ userId: stored.userId, sessionId: stored.familyId }, 'refresh token used twice at once: session revoked');
        throw new UnauthorizedError(INVALID_SESSION);
      }
      return { userId: stored.userId, sessionId: stored.familyId, refreshToken, expiresAt };
    },

    /** Sign-out: revokes the presented token's family whatever its state (and says which); unknown tokens are ignored. */
    async end(presented: string): Promise<{ userId: string; sessionId: string } | undefined> {
      const stored = await refreshTokens.findByHash(hashRefreshToken(presented));
      if (!stored) return undefined;
      await refreshTokens.revokeFamily(stored.familyId, clock.now());
      return { userId: stored.userId, sessionId: stored.familyId };
    },

    /** Revokes every session of the user. */
    revokeAll(userId: string): Promise<void> {
      return refreshTokens.revokeAllOfUser(userId, clock.now());
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
