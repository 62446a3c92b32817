import { createHash, randomBytes } from 'node:crypto';

/** What the rules need to know of a stored refresh token. */
export interface StoredRefreshToken {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * What to do with a presented refresh token:
 * - rotate: it is the current token of a live family;
 * - revoke-family: it was already rotated, so someone kept a copy (the
 *   legitimate client or a thief, we cannot tell): the whole family dies;
 * - reject: unknown, expired, or its family is already revoked.
 */
export type RefreshDecision =
  | { action: 'rotate' }
  | { action: 'revoke-family'; familyId: string }
  | { action: 'reject'; reason: 'unknown' | 'expired' | 'revoked' };

export function decideRefresh(token: StoredRefreshToken | null, now: Date): RefreshDecision {
  if (!token) return { action: 'reject', reason: 'unknown' };
  if (token.revokedAt) return { action: 'reject', reason: 'revoked' };
  // Reuse is checked before expiry: an old copy of a rotated token is evidence of theft whenever it shows up.
  if (token.rotatedAt) return { action: 'revoke-family', familyId: token.familyId };
  if (token.expiresAt.getTime() <= now.getTime()) return { action: 'reject', reason: 'expired' };
  return { action: 'rotate' };
}

/** 256 random bits, URL-safe: unguessable, so a fast hash is enough to store it. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this digest is stored; a database leak yields no usable token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function refreshTokenExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 86_400_000);
}
