import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, JWKS_PATH } from '../src/tokens';

export interface TestSigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** A fresh Ed25519 key pair, as user-service holds one. */
export async function createSigningKey(kid: string = randomUUID()): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { kid, privateKey, publicKey, publicJwk };
}

export const ALICE = {
  id: '0b6b1c0e-4a5e-4f6f-9b1a-2f2f3c9d8e71',
  username: 'alice',
  displayName: 'Alice A.',
  role: 'USER' as 'USER' | 'ADMIN',
};

export interface TokenOverrides {
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  issuedAt?: number;
  notBefore?: number;
  /** undefined keeps the key's kid; null leaves kid out. */
  kid?: string | null;
}

/** A token as user-service signs it, with any part overridable to make it wrong. */
export async function signToken(key: TestSigningKey, user = ALICE, o: TokenOverrides = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const kid = o.kid === undefined ? key.kid : o.kid;
  const payload: JWTPayload = {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    ...o.claims,
  };
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', ...(kid ? { kid } : {}) })
    .setIssuer(o.issuer ?? ACCESS_TOKEN_ISSUER)
    .setAudience(o.audience ?? ACCESS_TOKEN_AUDIENCE)
    .setSubject(user.id)
    .setIssuedAt(o.issuedAt ?? now)
    .setExpirationTime(now + (o.expiresIn ?? 900));
  if (o.notBefore !== undefined) jwt.setNotBefore(o.notBefore);
  return jwt.sign(key.privateKey);
}

export interface JwksServer {
  url: string;
  /** How many times the key set was fetched. */
  fetches(): number;
  setKeys(keys: JWK[]): void;
  /** Answer 500 from now on (or again 200 with false). */
  fail(failing: boolean): void;
  close(): Promise<void>;
}

/** A real HTTP server publishing a JWKS at JWKS_PATH, like user-service. */
export async function startJwksServer(keys: JWK[]): Promise<JwksServer> {
  let current = keys;
  let failing = false;
  let count = 0;
  const server = http.createServer((req, res) => {
    if (req.url !== JWKS_PATH) {
      res.writeHead(404).end();
      return;
    }
    count += 1;
    if (failing) {
      res.writeHead(500).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
    res.end(JSON.stringify({ keys: current }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${JWKS_PATH}`,
    fetches: () => count,
    setKeys: (next) => (current = next),
    fail: (value) => (failing = value),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** base64url of a JSON value or bytes, for hand-made tokens. */
export function b64url(value: unknown): string {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value));
  return bytes.toString('base64url');
}
