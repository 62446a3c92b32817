import type { Service } from '@peerprep/service-kit';
import { createTestRedis, openWebSocket, waitFor, type TestRedis } from '@peerprep/testing';
import { randomUUID } from 'node:crypto';
import { createRevocationList } from '@peerprep/auth';
import { Redis } from 'ioredis';
import request from 'supertest';
import { startTestGateway } from '../test/gateway';
import { deadUpstreamUrl, startFakeUpstream, type FakeUpstream } from '../test/upstreams';
import { startTokenAuthority, type TokenAuthority } from '../test/tokens';

const FRONTEND = 'http://localhost:3000';

let authority: TokenAuthority;
let upstream: FakeUpstream;
let testRedis: TestRedis;
const gateways: Service[] = [];

async function startGateway(authJwksUrl: string): Promise<{ url: string; port: number }> {
  const { gateway, url, port } = await startTestGateway(testRedis, {
    CORS_ORIGINS: FRONTEND,
    USER_SERVICE_URL: upstream.url,
    QUESTION_SERVICE_URL: upstream.url,
    MATCHING_SERVICE_URL: upstream.url,
    COLLABORATION_SERVICE_URL: upstream.url,
    AUTH_JWKS_URL: authJwksUrl,
    AUTH_REVOCATION_PREFIX: `${testRedis.prefix}revoked:`,
    RATE_LIMIT_POINTS: '10000',
  });
  gateways.push(gateway);
  return { url, port };
}

let gateway: { url: string; port: number };

beforeAll(async () => {
  [authority, upstream, testRedis] = await Promise.all([
    startTokenAuthority(),
    startFakeUpstream('any-service', { websocket: true }),
    createTestRedis('gateway_auth'),
  ]);
  gateway = await startGateway(authority.jwksUrl);
});

afterAll(async () => {
  for (const g of gateways) await g.stop('test finished');
  await testRedis.cleanup();
  await Promise.all([authority.close(), upstream.close()]);
});

function seenCount(): number {
  return upstream.seen.length;
}

describe('access tokens at the edge (HTTP)', () => {
  it('forwards a valid token with the Authorization header intact', async () => {
    const token = await authority.sign();
    const res = await request(gateway.url).get('/api/users/me').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('forwards requests without a token: the service decides what is public', async () => {
    const res = await request(gateway.url).get('/api/questions');
    expect(res.status).toBe(200);
    expect(res.body.headers.authorization).toBeUndefined();
  });

  it.each([
    ['signed by another key', () => authority.sign({ foreignKey: true })],
    ['expired', () => authority.sign({ expiresIn: -60 })],
  ])('answers 401 problem+json to a token %s, and the service sees nothing', async (_what, makeToken) => {
    const before = seenCount();
    const res = await request(gateway.url)
      .post('/api/questions')
      .set('authorization', `Bearer ${await makeToken()}`)
      .send({ title: 'x' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(res.body).toMatchObject({ status: 401, instance: '/api/questions', requestId: res.headers['x-request-id'] });
    expect(seenCount()).toBe(before);
  });

  it.each(['Bearer not-a-jwt', 'Basic YWxpY2U6cHc=', ''])('answers 401 to the malformed Authorization header %p', async (header) => {
    const before = seenCount();
    const res = await request(gateway.url).get('/api/history').set('authorization', header);
    expect(res.status).toBe(401);
    expect(seenCount()).toBe(before);
  });

  it('answers 503, not 401, to token-bearing requests when the signing keys cannot be fetched', async () => {
    const blind = await startGateway(await deadUpstreamUrl());
    const before = seenCount();
    const res = await request(blind.url).get('/api/users/me').set('authorization', `Bearer ${await authority.sign()}`);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(seenCount()).toBe(before);
    // Anonymous traffic does not depend on the keys.
    expect((await request(blind.url).get('/api/questions')).status).toBe(200);
  });
});

const openSocket = (url: string, protocols: string[] = []) => openWebSocket(url, { protocols, origin: FRONTEND });

describe('revoked access tokens at the edge', () => {
  it("refuses a signed-out session's token with 401 before it reaches a service, on HTTP and on upgrades", async () => {
    // user-service's side: the same Redis keys (the gateway's client has the test prefix) and channel.
    const writerRedis = new Redis(testRedis.url, { keyPrefix: testRedis.prefix });
    const revocations = createRevocationList({ redis: writerRedis, prefix: `${testRedis.prefix}revoked:` });
    const sessionId = randomUUID();
    const token = await authority.sign({ sessionId });
    const other = await authority.sign({ sessionId: randomUUID() });
    expect((await request(gateway.url).get('/api/users/me').set('authorization', `Bearer ${token}`)).status).toBe(200);

    await revocations.revokeSession('0b6b1c0e-4a5e-4f6f-9b1a-2f2f3c9d8e71', sessionId);
    const before = seenCount();
    // The gateway is another replica: it hears of the revocation over pub/sub.
    let refused = await request(gateway.url).get('/api/users/me').set('authorization', `Bearer ${token}`);
    await waitFor(
      async () => (refused = await request(gateway.url).get('/api/users/me').set('authorization', `Bearer ${token}`)).status === 401,
      5_000,
      'the gateway to refuse the revoked token',
    );
    const upgrade = await openSocket(`ws://127.0.0.1:${gateway.port}/api/match/events`, ['peerprep', `bearer.${token}`]);

    expect(refused.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(upgrade).toEqual({ status: 401 });
    expect(seenCount()).toBe(before);
    expect((await request(gateway.url).get('/api/users/me').set('authorization', `Bearer ${other}`)).status).toBe(200);
    await revocations.close();
    await writerRedis.quit();
  });
});

describe('access tokens at the edge (WebSocket upgrades)', () => {
  it('passes an upgrade with a valid token in the subprotocol', async () => {
    const token = await authority.sign();
    const opened = await openSocket(`ws://127.0.0.1:${gateway.port}/api/collab/room-1`, ['peerprep', `bearer.${token}`]);
    if (!('socket' in opened)) throw new Error(`refused with ${opened.status}`);
    expect(opened.protocol).toBe('peerprep');
    expect(upstream.upgrades).toContain('/api/collab/room-1');
    opened.socket.close();
  });

  it('refuses an upgrade with a token in the query, even a valid one, before it reaches the service (URLs are logged)', async () => {
    const before = upstream.upgrades.length;
    const url = `/api/match/events?access_token=${await authority.sign()}`;
    expect(await openSocket(`ws://127.0.0.1:${gateway.port}${url}`)).toEqual({ status: 401 });
    expect(upstream.upgrades.length).toBe(before);
  });

  it('refuses an upgrade with a bad token with 401 before it reaches the service', async () => {
    const before = upstream.upgrades.length;
    const forged = await authority.sign({ foreignKey: true });
    const attempts = [
      openSocket(`ws://127.0.0.1:${gateway.port}/api/collab/room-2`, ['peerprep', `bearer.${forged}`]),
      openSocket(`ws://127.0.0.1:${gateway.port}/api/match/events?access_token=${forged}`),
      openSocket(`ws://127.0.0.1:${gateway.port}/api/match/events?access_token=garbage`),
    ];
    for (const attempt of attempts) expect(await attempt).toEqual({ status: 401 });
    expect(upstream.upgrades.length).toBe(before);
  });
});
