import { generateKeyPairSync } from 'node:crypto';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@peerprep/auth';
import { SignJWT } from 'jose';
import { call, signUp, type SignedInAccount } from '../../test/http';
import { startUserServiceHarness, type UserServiceHarness } from '../../test/user-service-harness';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens that must not be accepted (real service)', () => {
  let h: UserServiceHarness;
  let alice: SignedInAccount;
  let bob: SignedInAccount;

  beforeAll(async () => {
    h = await startUserServiceHarness('user_tokens');
    alice = await signUp(h.url, 'alice');
    bob = await signUp(h.url, 'bob');
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A token for alice signed with `key`, valid in every other respect unless overridden. */
  function aliceToken(opts: { key?: Parameters<SignJWT['sign']>[0]; iat?: number; exp?: number; iss?: string; aud?: string; role?: string } = {}) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ username: alice.username, displayName: alice.username, role: opts.role ?? 'USER' })
      .setProtectedHeader({ alg: 'EdDSA', kid: h.signingKey.kid })
      .setIssuer(opts.iss ?? ACCESS_TOKEN_ISSUER)
      .setAudience(opts.aud ?? ACCESS_TOKEN_AUDIENCE)
      .setSubject(alice.id)
      .setIssuedAt(opts.iat ?? now)
      .setExpirationTime(opts.exp ?? now + 900)
      .sign(opts.key ?? h.signingKey.privateKey);
  }

  const me = (token?: string) => call(h.url, 'GET', '/api/users/me', token ? { token } : {});

  it('accepts a token the test signs correctly with the service key (the baseline the others differ from)', async () => {
    const res = await me(await aliceToken());
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(alice.id);
  });

  it('answers 401 with a Bearer challenge without a token', async () => {
    const res = await me();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 401 for a tampered payload (role raised to ADMIN, signature kept)', async () => {
    const [header, , signature] = alice.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(alice.accessToken.split('.')[1] ?? '', 'base64url').toString());
    const forged = `${header}.${b64url({ ...claims, role: 'ADMIN' })}.${signature}`;

    expect((await me(forged)).status).toBe(401);
    expect((await call(h.url, 'GET', '/api/users', { token: forged })).status).toBe(401);
  });

  it("answers 401 for a tampered subject (bob's id in alice's token)", async () => {
    const [header, payload, signature] = alice.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = `${header}.${b64url({ ...claims, sub: bob.id })}.${signature}`;

    expect((await me(forged)).status).toBe(401);
  });

  it('answers 401 for an expired token', async () => {
    const longAgo = Math.floor(Date.now() / 1000) - 3_600;
    const res = await me(await aliceToken({ iat: longAgo, exp: longAgo + 900 }));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/invalid_token/);
  });

  it('answers 401 for an unsigned token (alg: none)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({
      sub: alice.id,
      username: alice.username,
      displayName: alice.username,
      role: 'ADMIN',
      iss: ACCESS_TOKEN_ISSUER,
      aud: ACCESS_TOKEN_AUDIENCE,
      iat: now,
      exp: now + 900,
    })}.`;

    expect((await me(unsigned)).status).toBe(401);
  });

  it('answers 401 for a token signed with another Ed25519 key under the same kid', async () => {
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    expect((await me(await aliceToken({ key: otherKey }))).status).toBe(401);
  });

  it('answers 401 for an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const publicJwkBytes = new TextEncoder().encode(JSON.stringify(h.signingKey.publicJwk));
    const confused = await new SignJWT({ username: alice.username, displayName: alice.username, role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256', kid: h.signingKey.kid })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(alice.id)
      .setIssuedAt(now)
      .setExpirationTime(now + 900)
      .sign(publicJwkBytes);

    expect((await me(confused)).status).toBe(401);
  });

  it('answers 401 for a token of another issuer or audience', async () => {
    expect((await me(await aliceToken({ iss: 'someone-else' }))).status).toBe(401);
    expect((await me(await aliceToken({ aud: 'another-app' }))).status).toBe(401);
  });

  it('answers 401 for a role outside the contract', async () => {
    expect((await me(await aliceToken({ role: 'ROOT' }))).status).toBe(401);
  });
});
