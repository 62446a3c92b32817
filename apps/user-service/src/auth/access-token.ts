import { randomUUID } from 'node:crypto';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TTL_SECONDS,
} from '@peerprep/auth';
import type { AccessTokenClaims } from '@peerprep/contracts';
import { SignJWT } from 'jose';
import type { Clock } from '../clock';
import type { SigningKey } from './signing-key';

export interface AccessTokenSubject {
  id: string;
  username: string;
  displayName: string;
  role: AccessTokenClaims['role'];
}

export interface IssuedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/** `sessionId`: the sign-in the token belongs to (its `sid`), which sign-out revokes. */
export type AccessTokenIssuer = (user: AccessTokenSubject, sessionId: string) => Promise<IssuedAccessToken>;

/** The second from which the user's tokens are accepted again after a revocation (0: none). */
export type EarliestIssuedAt = (userId: string) => Promise<number>;

/**
 * Signs access tokens: EdDSA with the service's key, `kid` in the header,
 * iss/aud/sub/iat/exp/jti plus the application claims of
 * accessTokenClaimsSchema.
 */
export function createAccessTokenIssuer(key: SigningKey, clock: Clock, earliestIssuedAt: EarliestIssuedAt = async () => 0): AccessTokenIssuer {
  return async (user, sessionId) => {
    // A revocation refuses the user's tokens of its own second too; a token signed
    // right after it in that second is dated to the next one (within the verifiers' skew).
    const issuedAt = Math.max(Math.floor(clock.now().getTime() / 1000), await earliestIssuedAt(user.id));
    const claims: Omit<AccessTokenClaims, 'sub'> = {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      sid: sessionId,
    };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(user.id)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
      .sign(key.privateKey);
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  };
}
