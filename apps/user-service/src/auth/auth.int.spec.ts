import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TTL_SECONDS,
  JWKS_PATH,
  createTokenVerifier,
} from '@peerprep/auth';
import { accessTokenClaimsSchema, jwksResponseSchema, tokenResponseSchema } from '@peerprep/contracts';
import { decodeProtectedHeader, jwtVerify, createLocalJWKSet } from 'jose';
import { call, newAccount, signUp } from '../../test/http';
import { startUserServiceHarness, type UserServiceHarness } from '../../test/user-service-harness';

describe('auth routes (real Postgres, Redis and RabbitMQ)', () => {
  let h: UserServiceHarness;
  let url: string;

  beforeAll(async () => {
    h = await startUserServiceHarness('user_auth');
    url = h.url;
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('POST /api/auth/signup', () => {
    it('creates a USER, answers 201 with an access token and sets the refresh cookie', async () => {
      const account = newAccount('signup');

      const res = await call(url, 'POST', '/api/auth/signup', { body: { ...account, displayName: 'Ada L.' } });

      expect(res.status).toBe(201);
      expect(tokenResponseSchema.parse(res.body)).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        user: { username: account.username, email: account.email, displayName: 'Ada L.', role: 'USER' },
      });
      expect(res.body.user).not.toHaveProperty('passwordHash');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.refreshCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(res.refreshCookieLine).toMatch(/HttpOnly/);
      expect(res.refreshCookieLine).toMatch(/SameSite=Lax/);
      expect(res.refreshCookieLine).toMatch(/Path=\/api\/auth(;|$)/);
      expect(res.refreshCookieLine).toMatch(/Max-Age=1209600/);
      // NODE_ENV=test runs over plain http.
      expect(res.refreshCookieLine).not.toMatch(/Secure/);
      // The page's hint: readable by scripts, on every path, as long-lived as the cookie, and no secret.
      expect(res.sessionHintLine).toMatch(/^peerprep_session=1;/);
      expect(res.sessionHintLine).not.toMatch(/HttpOnly/);
      expect(res.sessionHintLine).toMatch(/Path=\/(;|$)/);
      expect(res.sessionHintLine).toMatch(/SameSite=Lax/);
      expect(res.sessionHintLine).toMatch(/Max-Age=1209600/);
    });

    it('stores an argon2id hash with the OWASP parameters, never the password', async () => {
      const account = newAccount('hash');
      await call(url, 'POST', '/api/auth/signup', { body: account });

      const stored = await h.prisma.user.findFirstOrThrow({ where: { username: account.username } });

      expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(stored.passwordHash).not.toContain(account.password);
    });

    it('defaults the display name to the username', async () => {
      const account = newAccount('noname');
      const res = await call(url, 'POST', '/api/auth/signup', { body: account });
      expect(res.body.user.displayName).toBe(account.username);
    });

    it('answers 400 naming every invalid field', async () => {
      const res = await call(url, 'POST', '/api/auth/signup', {
        body: { username: 'a!', email: 'not-an-email', password: 'short' },
      });

      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['email', 'password', 'username']));
    });

    it.each([
      ['role', { role: 'ADMIN' }],
      ['id', { id: '00000000-0000-4000-8000-000000000000' }],
      ['passwordHash', { passwordHash: 'x' }],
    ])('rejects a body carrying %s (no mass assignment) with 400 and creates nobody', async (_name, extra) => {
      const account = newAccount('mass');

      const res = await call(url, 'POST', '/api/auth/signup', { body: { ...account, ...extra } });

      expect(res.status).toBe(400);
      expect(await h.prisma.user.count({ where: { username: account.username } })).toBe(0);
    });

    it('answers 409 naming the username when it is taken in another case', async () => {
      const first = await signUp(url, 'taken');

      const res = await call(url, 'POST', '/api/auth/signup', {
        body: { ...newAccount('other'), username: first.username.toUpperCase() },
      });

      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'username' })]);
    });

    it('answers 409 naming the email when it is taken in another case', async () => {
      const first = await signUp(url, 'mail');

      const res = await call(url, 'POST', '/api/auth/signup', {
        body: { ...newAccount('other'), email: first.email.toUpperCase() },
      });

      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    });
  });

  describe('the access token', () => {
    it('is an EdDSA JWT with a kid, iss, aud, sub, iat and a 15-minute exp, verifiable through the JWKS', async () => {
      const account = await signUp(url, 'jwt');

      const jwks = await call(url, 'GET', JWKS_PATH);
      const header = decodeProtectedHeader(account.accessToken);
      const { payload } = await jwtVerify(account.accessToken, createLocalJWKSet(jwks.body), {
        algorithms: ['EdDSA'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
      });

      expect(jwks.status).toBe(200);
      expect(jwksResponseSchema.parse(jwks.body).keys).toHaveLength(1);
      expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid: h.signingKey.kid, alg: 'EdDSA', use: 'sig' })]);
      expect(jwks.body.keys[0]).not.toHaveProperty('d');
      expect(header).toMatchObject({ alg: 'EdDSA', kid: h.signingKey.kid });
      expect(Number(payload.exp) - Number(payload.iat)).toBe(ACCESS_TOKEN_TTL_SECONDS);
      expect(accessTokenClaimsSchema.parse(payload)).toEqual({
        sub: account.id,
        username: account.username,
        displayName: account.username,
        role: 'USER',
        // The sign-in it belongs to: what sign-out revokes.
        sid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    });

    it('is accepted by the libs/auth verifier fed the JWKS URL, as other services use it', async () => {
      const account = await signUp(url, 'remote');
      const verifier = createTokenVerifier({ jwksUrl: `${url}${JWKS_PATH}` });

      await expect(verifier.verify(account.accessToken)).resolves.toEqual({
        id: account.id,
        username: account.username,
        displayName: account.username,
        role: 'USER',
      });
    });
  });

  describe('POST /api/auth/login', () => {
    it.each([
      ['username', (a: { username: string }) => a.username],
      ['username in another case', (a: { username: string }) => a.username.toUpperCase()],
      ['email', (a: { email: string }) => a.email],
      ['email in another case', (a: { email: string }) => ` ${a.email.toUpperCase()} `],
    ])('signs in with the %s', async (_how, identifier) => {
      const account = await signUp(url, 'login');

      const res = await call(url, 'POST', '/api/auth/login', {
        body: { identifier: identifier(account), password: account.password },
      });

      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(account.id);
      expect(res.refreshCookie).toBeTruthy();
      expect(res.refreshCookie).not.toBe(account.refreshCookie);
    });

    it('answers the same generic 401 for a wrong password and for an unknown account', async () => {
      const account = await signUp(url, 'generic');

      const wrongPassword = await call(url, 'POST', '/api/auth/login', {
        body: { identifier: account.username, password: 'wrong-password' },
      });
      const unknownUser = await call(url, 'POST', '/api/auth/login', {
        body: { identifier: 'nobody_here', password: account.password },
      });

      const comparable = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
      expect(wrongPassword.status).toBe(401);
      expect(unknownUser.status).toBe(401);
      expect(comparable(wrongPassword.body)).toEqual(comparable(unknownUser.body));
      expect(wrongPassword.refreshCookie).toBeUndefined();
    });

    it('answers 400 with field errors for a missing identifier and password', async () => {
      const res = await call(url, 'POST', '/api/auth/login', { body: { identifier: '  ' } });

      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['identifier', 'password']);
    });
  });

  describe('POST /api/auth/refresh', () => {
    it('rotates the refresh token and issues a new access token', async () => {
      const account = await signUp(url, 'refresh');

      const res = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });

      expect(res.status).toBe(200);
      expect(tokenResponseSchema.parse(res.body).user.id).toBe(account.id);
      expect(res.refreshCookie).toBeTruthy();
      expect(res.refreshCookie).not.toBe(account.refreshCookie);
      expect((await call(url, 'GET', '/api/users/me', { token: res.body.accessToken })).status).toBe(200);
    });

    it('stores only a hash of the refresh token', async () => {
      const account = await signUp(url, 'hashed');

      const rows = await h.prisma.refreshToken.findMany({ where: { userId: account.id } });

      expect(rows).toHaveLength(1);
      expect(rows[0]?.tokenHash).not.toBe(account.refreshCookie);
    });

    it('revokes the whole family when an already rotated token is used again', async () => {
      const account = await signUp(url, 'reuse');
      const rotated = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });
      expect(rotated.status).toBe(200);

      // A thief replays the old token...
      const replay = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });
      // ...and from then on the legitimate, newest token is dead too.
      const legit = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: rotated.refreshCookie });

      expect(replay.status).toBe(401);
      expect(replay.refreshCookie).toBe('');
      expect(legit.status).toBe(401);
      const rows = await h.prisma.refreshToken.findMany({ where: { userId: account.id } });
      expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
    });

    it('lets at most one of two simultaneous uses of one token win, and then revokes the family', async () => {
      const account = await signUp(url, 'race');

      const results = await Promise.all([
        call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie }),
        call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie }),
      ]);

      expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
      expect(results.some((r) => r.status === 401)).toBe(true);
      const winner = results.find((r) => r.status === 200);
      if (winner) expect((await call(url, 'POST', '/api/auth/refresh', { refreshCookie: winner.refreshCookie })).status).toBe(401);
    });

    it('keeps other sessions of the same user alive when one family is revoked', async () => {
      const account = await signUp(url, 'family');
      const second = await call(url, 'POST', '/api/auth/login', {
        body: { identifier: account.username, password: account.password },
      });
      await call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });
      await call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });

      const res = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: second.refreshCookie });

      expect(res.status).toBe(200);
    });

    it('answers 204 without a cookie: no session is a normal state, not an error', async () => {
      const res = await call(url, 'POST', '/api/auth/refresh');

      expect(res.status).toBe(204);
      expect(res.body).toBeUndefined();
      expect(res.refreshCookieLine).toBeUndefined();
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.sessionHintLine).toBeUndefined();
      // Other cookies do not make a session either.
      expect((await call(url, 'POST', '/api/auth/refresh', { headers: { cookie: 'theme=dark' } })).status).toBe(204);
    });

    it('drops a session hint that outlived its refresh cookie, so the page stops asking', async () => {
      const res = await call(url, 'POST', '/api/auth/refresh', { headers: { cookie: 'peerprep_session=1' } });

      expect(res.status).toBe(204);
      expect(res.refreshCookieLine).toBeUndefined();
      expect(res.sessionHintLine).toMatch(/^peerprep_session=;/);
      expect(res.sessionHintLine).toMatch(/Path=\/(;|$)/);
      expect(res.sessionHintLine).toMatch(/Expires=Thu, 01 Jan 1970/);
    });

    it('answers 401 for an unknown token and clears the cookie', async () => {
      const unknown = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: 'not-a-token-we-issued' });
      expect(unknown.status).toBe(401);
      expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(unknown.refreshCookie).toBe('');
      expect(unknown.sessionHintLine).toMatch(/^peerprep_session=;/);
    });

    it('answers 401 for an expired refresh token', async () => {
      const account = await signUp(url, 'expired');
      const fifteenDaysLater = { now: () => new Date(Date.now() + 15 * 86_400_000) };
      const later = await h.startAnother({}, fifteenDaysLater);

      const res = await call(later.url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });

      expect(res.status).toBe(401);
      expect(res.refreshCookie).toBe('');
    });

    it('picks up a role change at the next refresh', async () => {
      const account = await signUp(url, 'promoted');
      await h.prisma.user.update({ where: { id: account.id }, data: { role: 'ADMIN' } });

      const res = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });

      expect(res.body.user.role).toBe('ADMIN');
      expect((await call(url, 'GET', '/api/users', { token: res.body.accessToken })).status).toBe(200);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('revokes the session and clears the cookie', async () => {
      const account = await signUp(url, 'logout');
      const rotated = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });

      const res = await call(url, 'POST', '/api/auth/logout', { refreshCookie: rotated.refreshCookie });

      expect(res.status).toBe(204);
      expect(res.refreshCookie).toBe('');
      expect(res.refreshCookieLine).toMatch(/Path=\/api\/auth/);
      expect(res.sessionHintLine).toMatch(/^peerprep_session=;/);
      expect((await call(url, 'POST', '/api/auth/refresh', { refreshCookie: rotated.refreshCookie })).status).toBe(401);
    });

    it('answers 204 without a session', async () => {
      expect((await call(url, 'POST', '/api/auth/logout')).status).toBe(204);
    });
  });
});
