import { baseEnvSchema, createService, loadConfig, portVariable, type Service } from '@peerprep/service-kit';
import request from 'supertest';
import { ALICE, createSigningKey, signToken, startJwksServer, type JwksServer, type TestSigningKey } from '../test/keys';
import { optionalAuth, requireAdmin, requireAuth } from './express';
import { createTokenVerifier } from './verifier';

let key: TestSigningKey;
let jwks: JwksServer;
let service: Service;

const ADMIN = { ...ALICE, id: '7d1f0a52-3c1e-4d8e-a2b4-5a6c7d8e9f01', username: 'root', role: 'ADMIN' as const };

beforeAll(async () => {
  key = await createSigningKey();
  jwks = await startJwksServer([key.publicJwk]);
  const verifier = createTokenVerifier({ jwksUrl: jwks.url });
  const config = loadConfig(baseEnvSchema.extend({ PORT: portVariable(0) }), { NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  service = createService({
    name: 'auth-test',
    config,
    routes: (app) => {
      app.get('/me', requireAuth(verifier), (req, res) => {
        res.json({ user: req.user, locals: res.locals.user });
      });
      app.get('/admin', requireAdmin(verifier), (req, res) => {
        res.json({ admin: req.user?.username });
      });
      app.get('/feed', optionalAuth(verifier), (req, res) => {
        res.json({ viewer: req.user?.username ?? null });
      });
    },
  });
});

afterAll(() => jwks.close());

describe('requireAuth', () => {
  it('answers 401 problem+json with a Bearer challenge when no token is sent', async () => {
    const res = await request(service.app).get('/me');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized', instance: '/me' });
  });

  it('answers 401 with invalid_token for a bad or malformed token', async () => {
    const forged = await signToken(await createSigningKey());
    for (const header of [`Bearer ${forged}`, 'Bearer nonsense', 'Basic YWxpY2U6cHc=']) {
      const res = await request(service.app).get('/me').set('authorization', header);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      expect(res.body.detail).not.toMatch(/signature|kid|alg/i);
    }
  });

  it('passes a valid token and exposes the user on req.user and res.locals.user', async () => {
    const res = await request(service.app).get('/me').set('authorization', `Bearer ${await signToken(key)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: ALICE, locals: ALICE });
  });
});

describe('requireAdmin', () => {
  it('answers 401 without a token', async () => {
    expect((await request(service.app).get('/admin')).status).toBe(401);
  });

  it('answers 403 problem+json to a signed-in USER', async () => {
    const res = await request(service.app).get('/admin').set('authorization', `Bearer ${await signToken(key)}`);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 403, title: 'Forbidden' });
  });

  it('lets an ADMIN through', async () => {
    const res = await request(service.app).get('/admin').set('authorization', `Bearer ${await signToken(key, ADMIN)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ admin: 'root' });
  });
});

describe('optionalAuth', () => {
  it('lets anonymous requests through without a user', async () => {
    const res = await request(service.app).get('/feed');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ viewer: null });
  });

  it('sets the user when a valid token is sent', async () => {
    const res = await request(service.app).get('/feed').set('authorization', `Bearer ${await signToken(key)}`);
    expect(res.body).toEqual({ viewer: 'alice' });
  });

  it('refuses a sent but invalid token instead of treating it as anonymous', async () => {
    const expired = await signToken(key, ALICE, { issuedAt: Math.floor(Date.now() / 1000) - 1000, expiresIn: -100 });
    const res = await request(service.app).get('/feed').set('authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
  });
});

describe('when the JWKS cannot be fetched', () => {
  it('answers 503 problem+json rather than 401, since the token may be valid', async () => {
    const down = await startJwksServer([key.publicJwk]);
    down.fail(true);
    const verifier = createTokenVerifier({ jwksUrl: down.url });
    const config = loadConfig(baseEnvSchema.extend({ PORT: portVariable(0) }), { NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const app = createService({
      name: 'auth-test-down',
      config,
      routes: (a) => a.get('/me', requireAuth(verifier), (_req, res) => res.json({})),
    }).app;
    try {
      const res = await request(app).get('/me').set('authorization', `Bearer ${await signToken(key)}`);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await down.close();
    }
  });
});
