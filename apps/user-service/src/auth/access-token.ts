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

export type AccessTokenIssuer = (user: AccessTokenSubject) => Promise<IssuedAccessToken>;

/**
 * Signs access tokens: EdDSA with the service's key, `kid` in the header,
 * iss/aud/sub/iat/exp/jti plus the application claims of
 * accessTokenClaimsSchema.
 */
export function createAccessTokenIssuer(key: SigningKey, clock: Clock): AccessTokenIssuer {
  return async (user) => {
    const issuedAt = Math.floor(clock.now().getTime() / 1000);
    const claims: Omit<AccessTokenClaims, 'sub'> = {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
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
