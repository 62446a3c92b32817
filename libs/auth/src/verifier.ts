import type { KeyObject } from 'node:crypto';
import { accessTokenClaimsSchema } from '@peerprep/contracts';
import { ServiceUnavailableError, UnauthorizedError } from '@peerprep/service-kit';
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { KeySourceUnavailableError, publicKeyFromPem, remoteKeySet } from './key-source';
import type { RevocationList, TokenSession } from './revocation';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TTL_SECONDS,
  type AuthenticatedUser,
} from './tokens';
import { VerifiedTokenCache } from './verified-token-cache';

export interface TokenVerifierOptions {
  /** user-service's JWKS; used when no publicKeyPem is given. */
  jwksUrl?: string;
  /** A fixed Ed25519 SPKI PEM key: no network at all; wins over jwksUrl. */
  publicKeyPem?: string;
  /** Allowed clock skew between signer and verifier for exp/iat (default 5 s). */
  clockToleranceSeconds?: number;
  /** Bound on one JWKS fetch (default 2000 ms). */
  jwksTimeoutMs?: number;
  /** Minimum time between refetches triggered by an unknown kid (default 30 s). */
  jwksCooldownMs?: number;
  /** Age after which the cached JWKS is refetched (default 10 min). */
  jwksMaxAgeMs?: number;
  /**
   * How many verified tokens to remember (least recently used dropped first;
   * default 10,000, about 10 MB at most; 0 verifies every time). A token is
   * remembered only until its `exp` (or `iat` + the TTL, if earlier).
   */
  cacheSize?: number;
  /**
   * The revocation list every token is checked against (after the signature,
   * on every call, cached there at most ~1 s): a signed-out session, or a
   * user's tokens from before a password or role change or a deletion, get
   * 401. Without one, a token is good until it expires.
   */
  revocations?: RevocationList;
}

/** A verified token: who it speaks for and which session it belongs to. */
export interface VerifiedAccessToken {
  user: AuthenticatedUser;
  session: TokenSession;
}

export const DEFAULT_VERIFIED_TOKEN_CACHE_SIZE = 10_000;

export interface TokenVerifier {
  /**
   * The user an access token speaks for. Rejects with UnauthorizedError (401)
   * for any bad token, and with ServiceUnavailableError (503) when the keys
   * cannot be fetched at all, since the token may well be valid.
   */
  verify(token: string): Promise<AuthenticatedUser>;
  /** The same checks; also says the token's session, issue and expiry times (what socket servers need). */
  verifySession(token: string): Promise<VerifiedAccessToken>;
}

/** The same message whatever was wrong: details help attackers, not users. */
export const INVALID_TOKEN_MESSAGE = 'The access token is invalid or expired';

export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  let key: KeyObject | JWTVerifyGetKey;
  if (opts.publicKeyPem) {
    key = publicKeyFromPem(opts.publicKeyPem);
  } else if (opts.jwksUrl) {
    key = remoteKeySet(opts.jwksUrl, {
      timeoutMs: opts.jwksTimeoutMs ?? 2_000,
      cooldownMs: opts.jwksCooldownMs ?? 30_000,
      maxAgeMs: opts.jwksMaxAgeMs ?? 10 * 60_000,
    });
  } else {
    throw new Error('createTokenVerifier needs jwksUrl or publicKeyPem');
  }
  const verifyOptions = {
    // Pinned: `alg: none`, HS256 keyed with the public key, RS256... all fail here.
    algorithms: [ACCESS_TOKEN_ALGORITHM],
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    requiredClaims: ['exp', 'iat', 'sub'],
    // Also refuses an iat in the future, and a token claiming to live longer than the TTL.
    maxTokenAge: ACCESS_TOKEN_TTL_SECONDS,
    clockTolerance: opts.clockToleranceSeconds ?? 5,
  };

  const cache = new VerifiedTokenCache<VerifiedAccessToken>(opts.cacheSize ?? DEFAULT_VERIFIED_TOKEN_CACHE_SIZE);
  const { revocations } = opts;

  async function verifySignature(token: string): Promise<VerifiedAccessToken> {
    const cached = cache.get(token);
    if (cached) return cached;
    let payload: JWTPayload;
    try {
      // Two overloads (static key / key resolver); one call site keeps the types simple.
      ({ payload } =
        typeof key === 'function' ? await jwtVerify(token, key, verifyOptions) : await jwtVerify(token, key, verifyOptions));
    } catch (error) {
      if (error instanceof KeySourceUnavailableError) {
        throw new ServiceUnavailableError('Access tokens cannot be verified right now', { cause: error });
      }
      throw new UnauthorizedError(INVALID_TOKEN_MESSAGE);
    }
    const claims = accessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw new UnauthorizedError(INVALID_TOKEN_MESSAGE);
    const { sub, username, displayName, role, sid } = claims.data;
    // jose required exp and iat and checked both; remembered no later than either limit, with no clock tolerance.
    const { exp, iat } = payload as Required<Pick<JWTPayload, 'exp' | 'iat'>>;
    const verified: VerifiedAccessToken = {
      user: { id: sub, username, displayName, role },
      session: { userId: sub, ...(sid === undefined ? {} : { sessionId: sid }), issuedAt: iat, expiresAt: Math.min(exp, iat + ACCESS_TOKEN_TTL_SECONDS) },
    };
    cache.set(token, verified, verified.session.expiresAt * 1000);
    return verified;
  }

  async function verifySession(token: string): Promise<VerifiedAccessToken> {
    const verified = await verifySignature(token);
    if (revocations && (await revocations.isRevoked(verified.session))) throw new UnauthorizedError(INVALID_TOKEN_MESSAGE);
    return { user: { ...verified.user }, session: { ...verified.session } };
  }

  return {
    verifySession,
    async verify(token) {
      return (await verifySession(token)).user;
    },
  };
}
