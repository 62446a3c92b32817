import { decideRefresh, generateRefreshToken, hashRefreshToken, refreshTokenExpiry, type StoredRefreshToken } from './refresh-token-rules';

const now = new Date('2026-11-24T10:00:00.000Z');
const live: StoredRefreshToken = {
  id: 't1',
  userId: 'u1',
  familyId: 'f1',
  expiresAt: new Date('2026-12-01T10:00:00.000Z'),
  rotatedAt: null,
  revokedAt: null,
};

describe('refresh token family rules', () => {
  it('rotates the current token of a live family', () => {
    expect(decideRefresh(live, now)).toEqual({ action: 'rotate' });
  });

  it('rejects a token it does not know', () => {
    expect(decideRefresh(null, now)).toEqual({ action: 'reject', reason: 'unknown' });
  });

  it('revokes the family when an already rotated token comes back', () => {
    expect(decideRefresh({ ...live, rotatedAt: now }, now)).toEqual({ action: 'revoke-family', familyId: 'f1' });
  });

  it('treats a rotated token as reuse even after it expired', () => {
    const expiredRotated = { ...live, rotatedAt: new Date('2026-11-01T00:00:00Z'), expiresAt: new Date('2026-11-20T00:00:00Z') };
    expect(decideRefresh(expiredRotated, now)).toEqual({ action: 'revoke-family', familyId: 'f1' });
  });

  it('rejects any token of a revoked family, rotated or not', () => {
    expect(decideRefresh({ ...live, revokedAt: now }, now)).toEqual({ action: 'reject', reason: 'revoked' });
    expect(decideRefresh({ ...live, revokedAt: now, rotatedAt: now }, now)).toEqual({ action: 'reject', reason: 'revoked' });
  });

  it('rejects an expired token, including at the exact expiry instant', () => {
    expect(decideRefresh({ ...live, expiresAt: new Date(now.getTime() - 1) }, now)).toEqual({ action: 'reject', reason: 'expired' });
    expect(decideRefresh({ ...live, expiresAt: now }, now)).toEqual({ action: 'reject', reason: 'expired' });
  });
});

describe('refresh token material', () => {
  it('is 256 random bits, URL-safe, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, generateRefreshToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is stored as a SHA-256 digest: stable, and not the token', () => {
    const token = generateRefreshToken();
    expect(hashRefreshToken(token)).toBe(hashRefreshToken(token));
    expect(hashRefreshToken(token)).not.toBe(token);
    expect(hashRefreshToken('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it('expires the given number of days later', () => {
    expect(refreshTokenExpiry(now, 14).toISOString()).toBe('2026-12-08T10:00:00.000Z');
  });
});
