import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@peerprep/auth';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';

export interface TestTokenIssuer {
  /** Give a service this as AUTH_PUBLIC_KEY. */
  publicKeyPem: string;
  /** An access token exactly like user-service's, signed with the test key. */
  sign(userId: string, displayName: string, expiresIn?: string | number, sessionId?: string): Promise<string>;
}

/** A key pair of its own per test file, standing in for user-service. */
export async function createTestTokenIssuer(): Promise<TestTokenIssuer> {
  const keys = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return {
    publicKeyPem: await exportSPKI(keys.publicKey),
    sign: (userId, displayName, expiresIn = '10m', sessionId = undefined) =>
      new SignJWT({ username: displayName.toLowerCase(), displayName, role: 'USER', ...(sessionId ? { sid: sessionId } : {}) })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM })
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(keys.privateKey),
  };
}
