import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, JWKS_PATH } from '@peerprep/auth';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface TokenAuthority {
  /** The JWKS URL, as AUTH_JWKS_URL. */
  jwksUrl: string;
  /** A token as user-service signs it; `expiresIn` in seconds (negative = expired). */
  sign(opts?: { expiresIn?: number; foreignKey?: boolean; sessionId?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Stands in for user-service's signing half: an Ed25519 key and its JWKS on a real HTTP server. */
export async function startTokenAuthority(): Promise<TokenAuthority> {
  const kid = 'gateway-test-key';
  const own = await generateKeyPair('EdDSA', { extractable: true });
  const foreign = await generateKeyPair('EdDSA');
  const jwk = { ...(await exportJWK(own.publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  const server = http.createServer((req, res) => {
    if (req.url !== JWKS_PATH) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}${JWKS_PATH}`,
    async sign({ expiresIn = 900, foreignKey = false, sessionId = undefined }: { expiresIn?: number; foreignKey?: boolean; sessionId?: string } = {}) {
      const now = Math.floor(Date.now() / 1000);
      const key: CryptoKey = foreignKey ? foreign.privateKey : own.privateKey;
      return new SignJWT({ username: 'alice', displayName: 'Alice', role: 'USER', ...(sessionId ? { sid: sessionId } : {}) })
        .setProtectedHeader({ alg: 'EdDSA', kid })
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setSubject('0b6b1c0e-4a5e-4f6f-9b1a-2f2f3c9d8e71')
        .setIssuedAt(expiresIn < 0 ? now - 900 + expiresIn : now)
        .setExpirationTime(now + expiresIn)
        .sign(key);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
