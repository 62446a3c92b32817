import { createHmac, generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import { ServiceUnavailableError, UnauthorizedError } from '@peerprep/service-kit';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { ALICE, b64url, createSigningKey, signToken, startJwksServer, type JwksServer, type TestSigningKey } from '../test/keys';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './tokens';
import { createTokenVerifier, INVALID_TOKEN_MESSAGE, type TokenVerifier } from './verifier';

let key: TestSigningKey;
let jwks: JwksServer;
let verifier: TokenVerifier;

beforeAll(async () => {
  key = await createSigningKey('key-1');
  jwks = await startJwksServer([key.publicJwk]);
  verifier = createTokenVerifier({ jwksUrl: jwks.url });
});

afterAll(() => jwks.close());

const now = () => Math.floor(Date.now() / 1000);

async function expectUnauthorized(token: string, withVerifier = verifier): Promise<void> {
  const error = await withVerifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthorizedError);
  expect((error as Error).message).toBe(INVALID_TOKEN_MESSAGE);
}

function validClaims() {
  return {
    iss: ACCESS_TOKEN_ISSUER,
    aud: ACCESS_TOKEN_AUDIENCE,
    sub: ALICE.id,
    username: ALICE.username,
    displayName: ALICE.displayName,
    role: 'ADMIN',
    iat: now(),
    exp: now() + 900,
  };
}

describe('createTokenVerifier with a JWKS', () => {
  it('accepts a token signed by the published key and returns its user', async () => {
    await expect(verifier.verify(await signToken(key))).resolves.toEqual(ALICE);
  });

  it('accepts an ADMIN token as ADMIN', async () => {
    const user = await verifier.verify(await signToken(key, { ...ALICE, role: 'ADMIN' }));
    expect(user.role).toBe('ADMIN');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await signToken(key)).split('.');
    await expectUnauthorized(`${header}.${b64url(validClaims())}.${signature}`);
  });

  it('refuses an expired token', async () => {
    await expectUnauthorized(await signToken(key, ALICE, { issuedAt: now() - 960, expiresIn: -60 }));
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    await expectUnauthorized(await signToken(key, ALICE, { notBefore: now() + 600 }));
  });

  it('refuses a token issued in the future', async () => {
    await expectUnauthorized(await signToken(key, ALICE, { issuedAt: now() + 600, expiresIn: 1500 }));
  });

  it('refuses a token that claims to live longer than the access-token TTL', async () => {
    await expectUnauthorized(await signToken(key, ALICE, { issuedAt: now() - 3600, expiresIn: 3600 }));
  });

  it('refuses a token from another issuer', async () => {
    await expectUnauthorized(await signToken(key, ALICE, { issuer: 'someone-else' }));
  });

  it('refuses a token for another audience', async () => {
    await expectUnauthorized(await signToken(key, ALICE, { audience: 'another-app' }));
  });

  it('refuses an unsigned token (alg: none)', async () => {
    await expectUnauthorized(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(validClaims())}.`);
    await expectUnauthorized(`${b64url({ alg: 'none', typ: 'JWT', kid: key.kid })}.${b64url(validClaims())}.`);
  });

  it('refuses HS256 tokens keyed with the public key (algorithm confusion)', async () => {
    const publicPem = await exportSPKI(key.publicKey);
    const rawPublic = Buffer.from(key.publicJwk.x as string, 'base64url');
    for (const secret of [publicPem, Buffer.from(publicPem), rawPublic]) {
      const signingInput = `${b64url({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${b64url(validClaims())}`;
      const mac = createHmac('sha256', secret).update(signingInput).digest();
      await expectUnauthorized(`${signingInput}.${b64url(mac)}`);
    }
  });

  it('refuses an RS256 token from another key', async () => {
    const rsa = await generateKeyPair('RS256');
    const token = await new SignJWT({ username: 'alice', displayName: 'A', role: 'ADMIN' })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(ALICE.id)
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(rsa.privateKey);
    await expectUnauthorized(token);
  });

  it('refuses a token signed by an unpublished Ed25519 key, whatever kid it names', async () => {
    const intruder = await createSigningKey('intruder');
    await expectUnauthorized(await signToken(intruder));
    await expectUnauthorized(await signToken(intruder, ALICE, { kid: key.kid }));
    await expectUnauthorized(await signToken(intruder, ALICE, { kid: null }));
  });

  it('refuses a signed token whose claims do not match the contract', async () => {
    await expectUnauthorized(await signToken(key, ALICE, { claims: { role: 'ROOT' } }));
    await expectUnauthorized(await signToken(key, { ...ALICE, id: 'not-a-uuid' }));
    await expectUnauthorized(await signToken(key, ALICE, { claims: { username: undefined } }));
  });

  it.each(['', 'garbage', 'a.b.c', `${b64url({ alg: 'EdDSA' })}.${b64url('x')}.${b64url('y')}`])(
    'refuses the malformed token %p',
    async (token) => {
      await expectUnauthorized(token);
    },
  );

  it('picks up a rotated key by refetching the JWKS for an unknown kid', async () => {
    const server = await startJwksServer([key.publicJwk]);
    try {
      const rotating = createTokenVerifier({ jwksUrl: server.url, jwksCooldownMs: 0 });
      await rotating.verify(await signToken(key));
      expect(server.fetches()).toBe(1);

      const next = await createSigningKey('key-2');
      server.setKeys([key.publicJwk, next.publicJwk]);
      await expect(rotating.verify(await signToken(next))).resolves.toEqual(ALICE);
      expect(server.fetches()).toBe(2);
      // The old key, still published, keeps verifying from the cached set.
      await rotating.verify(await signToken(key));
      expect(server.fetches()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('does not refetch the JWKS for every unknown kid within the cooldown', async () => {
    const server = await startJwksServer([key.publicJwk]);
    try {
      const guarded = createTokenVerifier({ jwksUrl: server.url });
      await guarded.verify(await signToken(key));
      const intruder = await createSigningKey();
      for (let i = 0; i < 5; i++) await expectUnauthorized(await signToken(intruder, ALICE, { kid: `spray-${i}` }), guarded);
      expect(server.fetches()).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('createTokenVerifier when the JWKS is unavailable', () => {
  async function closedPortUrl(): Promise<string> {
    const server = net.createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return `http://127.0.0.1:${port}/api/auth/jwks.json`;
  }

  it('answers ServiceUnavailableError, not 401, when nothing listens', async () => {
    const offline = createTokenVerifier({ jwksUrl: await closedPortUrl() });
    await expect(offline.verify(await signToken(key))).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it('answers ServiceUnavailableError when the JWKS endpoint fails', async () => {
    const server = await startJwksServer([key.publicJwk]);
    try {
      server.fail(true);
      const broken = createTokenVerifier({ jwksUrl: server.url });
      await expect(broken.verify(await signToken(key))).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      await server.close();
    }
  });

  it('answers ServiceUnavailableError when the JWKS endpoint hangs past the timeout', async () => {
    const hanging = net.createServer(() => undefined).listen(0, '127.0.0.1');
    await once(hanging, 'listening');
    const { port } = hanging.address() as net.AddressInfo;
    try {
      const slow = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, jwksTimeoutMs: 200 });
      await expect(slow.verify(await signToken(key))).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      hanging.close();
    }
  });

  it('keeps verifying with the keys it fetched before when a refetch fails', async () => {
    const server = await startJwksServer([key.publicJwk]);
    try {
      // maxAge 0: every verification refetches, so every one after fail() meets an error
      // (cacheSize 0: the same token signed twice in one second would otherwise not be verified again).
      const resilient = createTokenVerifier({ jwksUrl: server.url, jwksMaxAgeMs: 0, cacheSize: 0 });
      await resilient.verify(await signToken(key));
      server.fail(true);
      await expect(resilient.verify(await signToken(key))).resolves.toEqual(ALICE);
      expect(server.fetches()).toBe(2);
      const intruder = await createSigningKey('key-1');
      await expectUnauthorized(await signToken(intruder), resilient);
    } finally {
      await server.close();
    }
  });
});

describe('createTokenVerifier with a configured public key', () => {
  it('verifies with an SPKI PEM (also with \\n escapes) and no network', async () => {
    const pem = await exportSPKI(key.publicKey);
    for (const configured of [pem, pem.replace(/\n/g, '\\n')]) {
      const local = createTokenVerifier({ publicKeyPem: configured, jwksUrl: 'http://127.0.0.1:1/never' });
      await expect(local.verify(await signToken(key))).resolves.toEqual(ALICE);
      await expectUnauthorized(await signToken(await createSigningKey(key.kid)), local);
    }
  });

  it('refuses a PEM key that is not Ed25519 when created', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsaPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => createTokenVerifier({ publicKeyPem: rsaPem })).toThrow(/Ed25519/);
  });

  it('needs a key source', () => {
    expect(() => createTokenVerifier({})).toThrow(/jwksUrl or publicKeyPem/);
  });
});

describe('createTokenVerifier remembering verified tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies a token again only once it is no longer remembered: a remembered one needs no key source', async () => {
    const server = await startJwksServer([key.publicJwk]);
    try {
      const remembering = createTokenVerifier({ jwksUrl: server.url, jwksMaxAgeMs: 0 });
      const token = await signToken(key);
      await expect(remembering.verify(token)).resolves.toEqual(ALICE);
      server.fail(true);
      await expect(remembering.verify(token)).resolves.toEqual(ALICE);
      expect(server.fetches()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('refuses a remembered token once it expired', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const token = await signToken(key, ALICE, { expiresIn: 60 });
    const remembering = createTokenVerifier({ publicKeyPem: await exportSPKI(key.publicKey) });
    await expect(remembering.verify(token)).resolves.toEqual(ALICE);
    // Past exp and past the 5 s clock tolerance: jose refuses it, so only a stale cache entry could accept it.
    jest.setSystemTime(Date.now() + 66_000);
    await expectUnauthorized(token, remembering);
  });

  it('refuses a tampered copy of a remembered token', async () => {
    const token = await signToken(key);
    await expect(verifier.verify(token)).resolves.toEqual(ALICE);
    const [header, , signature] = token.split('.');
    await expectUnauthorized(`${header}.${b64url({ ...validClaims(), role: 'ADMIN' })}.${signature}`);
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    await expectUnauthorized(`${token.split('.').slice(0, 2).join('.')}.${flipped}`);
    await expect(verifier.verify(token)).resolves.toEqual(ALICE);
  });

  it('does not remember a refused token', async () => {
    const server = await startJwksServer([key.publicJwk]);
    try {
      const remembering = createTokenVerifier({ jwksUrl: server.url, jwksCooldownMs: 0 });
      const next = await createSigningKey('key-late');
      const early = await signToken(next);
      await expectUnauthorized(early, remembering);
      // Published afterwards: the same token now verifies, so the refusal was not kept.
      server.setKeys([key.publicJwk, next.publicJwk]);
      await expect(remembering.verify(early)).resolves.toEqual(ALICE);
    } finally {
      await server.close();
    }
  });

  it('hands each caller its own user object', async () => {
    const token = await signToken(key);
    const first = await verifier.verify(token);
    first.role = 'ADMIN';
    await expect(verifier.verify(token)).resolves.toEqual(ALICE);
  });
});
