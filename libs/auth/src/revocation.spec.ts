import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ServiceUnavailableError, UnauthorizedError } from '@peerprep/service-kit';
import { ALICE, createSigningKey, signToken, type TestSigningKey } from '../test/keys';
import { createRevocationList, revokes, type Revocation, type RevocationList } from './revocation';
import { createTokenVerifier } from './verifier';
import { exportSPKI } from 'jose';

describe('revokes', () => {
  const session = { userId: 'u1', sessionId: 's1', issuedAt: 100, expiresAt: 1000 };

  it('covers the one session, of that user only', () => {
    expect(revokes({ kind: 'session', userId: 'u1', sessionId: 's1' }, session)).toBe(true);
    expect(revokes({ kind: 'session', userId: 'u1', sessionId: 's2' }, session)).toBe(false);
    expect(revokes({ kind: 'session', userId: 'u2', sessionId: 's1' }, session)).toBe(false);
  });

  it("covers a user's tokens issued strictly before the cutoff", () => {
    expect(revokes({ kind: 'user', userId: 'u1', issuedBefore: 101 }, session)).toBe(true);
    expect(revokes({ kind: 'user', userId: 'u1', issuedBefore: 100 }, session)).toBe(false);
    expect(revokes({ kind: 'user', userId: 'u2', issuedBefore: 101 }, session)).toBe(false);
  });
});

/** Against the real local Redis, under a key prefix and channel of this file's own. */
describe('the revocation list in Redis', () => {
  const prefix = `test:auth-revocation:${randomUUID()}:`;
  const url = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  let redis: Redis;
  let writer: RevocationList;
  let reader: RevocationList;
  let key: TestSigningKey;

  beforeAll(async () => {
    redis = new Redis(url);
    writer = createRevocationList({ redis, prefix });
    // A long cache: only the published revocation can make the reader see it at once.
    reader = createRevocationList({ redis, prefix, cacheMs: 60_000 });
    key = await createSigningKey();
    await Promise.all([writer.ready(), reader.ready()]);
  });

  afterAll(async () => {
    await Promise.all([writer.close(), reader.close()]);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('tells every replica at once, through pub/sub, even past its cached answer', async () => {
    const userId = randomUUID();
    const session = { userId, sessionId: randomUUID(), issuedAt: Math.floor(Date.now() / 1000), expiresAt: Math.floor(Date.now() / 1000) + 900 };
    expect(await reader.isRevoked(session)).toBe(false);
    const heard = new Promise<Revocation>((resolve) => {
      const stop = reader.onRevocation((revocation) => {
        stop();
        resolve(revocation);
      });
    });

    await writer.revokeSession(userId, session.sessionId as string);

    expect(await heard).toEqual({ kind: 'session', userId, sessionId: session.sessionId });
    expect(await reader.isRevoked(session)).toBe(true);
    expect(await reader.isRevoked({ ...session, sessionId: randomUUID() })).toBe(false);
  });

  it('keeps each entry only as long as an access token lives', async () => {
    const userId = randomUUID();
    await writer.revokeUserTokens(userId);
    const ttl = await redis.ttl(`${prefix}user:${userId}`);
    expect(ttl).toBeGreaterThan(900);
    expect(ttl).toBeLessThanOrEqual(960);
    expect(await writer.earliestIssuedAt(userId)).toBeGreaterThan(Math.floor(Date.now() / 1000));
  });

  it("makes the verifier refuse a revoked user's token with 401, and answer 503 when Redis cannot tell", async () => {
    const verifier = createTokenVerifier({ publicKeyPem: await exportSPKI(key.publicKey), revocations: writer });
    const user = { ...ALICE, id: randomUUID() };
    const token = await signToken(key, user, { issuedAt: Math.floor(Date.now() / 1000) - 5, claims: { sid: randomUUID() } });
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: user.id });

    await writer.revokeUserTokens(user.id);

    await expect(verifier.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
    // Nothing listens on port 1: every command fails at once.
    const broken = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    broken.on('error', () => undefined);
    const unreachable = createRevocationList({ redis: broken, prefix });
    const blind = createTokenVerifier({ publicKeyPem: await exportSPKI(key.publicKey), revocations: unreachable });
    await expect(blind.verify(await signToken(key, { ...ALICE, id: randomUUID() }))).rejects.toBeInstanceOf(ServiceUnavailableError);
    await unreachable.close();
    broken.disconnect();
  });
});
