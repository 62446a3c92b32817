import { ServiceUnavailableError } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import { ACCESS_TOKEN_TTL_SECONDS } from './tokens';

/** What a verified access token says about its session, besides its user. */
export interface TokenSession {
  userId: string;
  /** The sign-in (refresh-token family) the token was issued for; older tokens carry none. */
  sessionId?: string;
  /** `iat` and `exp`, epoch seconds. */
  issuedAt: number;
  expiresAt: number;
}

/**
 * A revocation as published to every replica: one session (sign-out), or
 * every token of a user issued before a second (password change, role
 * change, account deletion).
 */
export type Revocation =
  | { kind: 'session'; userId: string; sessionId: string }
  | { kind: 'user'; userId: string; issuedBefore: number };

/** Whether `revocation` refuses a token of `session`. */
export function revokes(revocation: Revocation, session: TokenSession): boolean {
  if (revocation.userId !== session.userId) return false;
  if (revocation.kind === 'session') return session.sessionId === revocation.sessionId;
  return session.issuedAt < revocation.issuedBefore;
}

export interface RevocationList {
  /** True when the token was revoked; rejects with ServiceUnavailableError (503) when Redis cannot tell. */
  isRevoked(session: TokenSession): Promise<boolean>;
  revokeSession(userId: string, sessionId: string): Promise<void>;
  /**
   * Every token of the user issued before `issuedBefore` (epoch seconds;
   * default: the next second, so tokens of this second go too). The signer
   * dates the user's next tokens no earlier (`earliestIssuedAt`).
   */
  revokeUserTokens(userId: string, issuedBefore?: number): Promise<void>;
  /** The second from which the user's new tokens are accepted (0 when none was revoked), straight from Redis. */
  earliestIssuedAt(userId: string): Promise<number>;
  /** Called on every replica for each revocation (socket servers close the sockets it covers). */
  onRevocation(listener: (revocation: Revocation) => void): () => void;
  /** Resolves once this replica listens for revocations (a service awaits it in start, before taking sockets). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface RevocationListOptions {
  redis: Redis;
  /** Keys and the pub/sub channel live under it; every service of a platform must use the same. */
  prefix: string;
  /** How long an answer from Redis is reused (default 1000 ms); a published revocation applies at once. */
  cacheMs?: number;
  now?: () => number;
}

export const DEFAULT_REVOCATION_PREFIX = 'peerprep:auth:revoked:';

// A revocation must outlive every token it refuses: the TTL plus the verifiers' clock tolerance.
const KEEP_SECONDS = ACCESS_TOKEN_TTL_SECONDS + 60;

/**
 * The short-lived revocation list in Redis that every verifier consults:
 * `<prefix>session:<sid>` and `<prefix>user:<id>` (the second before which
 * the user's tokens are refused), each kept as long as an access token
 * lives. Answers are cached per session and user for `cacheMs`, and each
 * revocation is also published on `<prefix>events`, which empties the
 * caches of every replica at once and tells socket servers to close.
 */
export function createRevocationList({ redis, prefix, cacheMs = 1_000, now = Date.now }: RevocationListOptions): RevocationList {
  const channel = `${prefix}events`;
  const sessionKey = (sessionId: string) => `${prefix}session:${sessionId}`;
  const userKey = (userId: string) => `${prefix}user:${userId}`;
  const listeners = new Set<(revocation: Revocation) => void>();
  /** Per user: the answer fetched at `at` (the user's cutoff and the revoked sessions asked about). */
  const cache = new Map<string, { at: number; issuedBefore: number; sessions: Map<string, boolean> }>();

  const subscriber = redis.duplicate();
  // The service's own client reports a Redis outage; this one only reconnects quietly.
  subscriber.on('error', () => undefined);
  subscriber.on('message', (_channel: string, message: string) => {
    let revocation: Revocation;
    try {
      revocation = JSON.parse(message) as Revocation;
    } catch {
      return;
    }
    cache.delete(revocation.userId);
    for (const listener of listeners) listener(revocation);
  });
  const subscribed = subscriber.subscribe(channel).catch(() => undefined);

  async function publish(revocation: Revocation): Promise<void> {
    await redis.publish(channel, JSON.stringify(revocation));
  }

  return {
    async isRevoked(session) {
      let entry = cache.get(session.userId);
      if (entry && now() - entry.at >= cacheMs) entry = undefined;
      const knownSession = session.sessionId === undefined || (entry?.sessions.has(session.sessionId) ?? false);
      if (!entry || !knownSession) {
        let cutoff: string | null;
        let sessionRevoked: string | null = null;
        try {
          [cutoff, sessionRevoked] = await redis.mget(
            userKey(session.userId),
            session.sessionId === undefined ? userKey(session.userId) : sessionKey(session.sessionId),
          );
        } catch (error) {
          throw new ServiceUnavailableError('Access tokens cannot be checked right now', { cause: error });
        }
        entry = entry ?? { at: now(), issuedBefore: Number(cutoff ?? 0), sessions: new Map() };
        entry.issuedBefore = Number(cutoff ?? 0);
        if (session.sessionId !== undefined) entry.sessions.set(session.sessionId, sessionRevoked !== null);
        cache.set(session.userId, entry);
      }
      if (session.issuedAt < entry.issuedBefore) return true;
      return session.sessionId !== undefined && entry.sessions.get(session.sessionId) === true;
    },

    async revokeSession(userId, sessionId) {
      await redis.set(sessionKey(sessionId), '1', 'EX', KEEP_SECONDS);
      // This replica knows at once; the others when the message arrives.
      cache.delete(userId);
      await publish({ kind: 'session', userId, sessionId });
    },

    async earliestIssuedAt(userId) {
      return Number((await redis.get(userKey(userId))) ?? 0);
    },

    async revokeUserTokens(userId, issuedBefore = Math.floor(now() / 1000) + 1) {
      await redis.set(userKey(userId), String(issuedBefore), 'EX', KEEP_SECONDS);
      cache.delete(userId);
      await publish({ kind: 'user', userId, issuedBefore });
    },

    onRevocation(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async ready() {
      await subscribed;
    },

    async close() {
      await subscribed;
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
