import { createTestRedis, openWebSocket, type TestRedis } from '@peerprep/testing';
import request from 'supertest';
import { startTestGateway, type StartedGateway } from '../test/gateway';
import { deadUpstreamUrl, startFakeUpstream, type FakeUpstream } from '../test/upstreams';
import { ROUTES } from './routes.table';

const FRONTEND = 'http://localhost:3000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const cleanups: (() => Promise<void>)[] = [];

/** A gateway with its own Redis connection (under the test's key prefix), which its shutdown closes. */
async function startGateway(testRedis: TestRedis, env: Record<string, string>): Promise<StartedGateway> {
  const started = await startTestGateway(testRedis, { CORS_ORIGINS: `${FRONTEND}, https://peerprep.example`, ...env });
  cleanups.push(() => started.gateway.stop('test finished'));
  return started;
}

let users: FakeUpstream;
let questions: FakeUpstream;
let matching: FakeUpstream;
let testRedis: TestRedis;
let main: StartedGateway;

beforeAll(async () => {
  [users, questions, matching] = await Promise.all([
    startFakeUpstream('user-service'),
    startFakeUpstream('question-service'),
    startFakeUpstream('matching-service', { websocket: true }),
  ]);
  testRedis = await createTestRedis('gateway');
  main = await startGateway(testRedis, {
    USER_SERVICE_URL: users.url,
    QUESTION_SERVICE_URL: questions.url,
    MATCHING_SERVICE_URL: matching.url,
    // The collaboration service is "down" for the whole file: nothing listens there.
    COLLABORATION_SERVICE_URL: await deadUpstreamUrl(),
    PROXY_TIMEOUT_MS: '300',
    RATE_LIMIT_POINTS: '10000',
  });
});

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await testRedis.cleanup();
  await Promise.all([users, questions, matching].map((u) => u.close()));
});

describe('routing table', () => {
  const expectedService: Record<string, string> = {
    '/api/auth': 'user-service',
    '/api/users': 'user-service',
    '/api/questions': 'question-service',
    '/api/topics': 'question-service',
    '/api/match': 'matching-service',
  };

  it.each(Object.entries(expectedService))('forwards %s to %s with the path unchanged', async (prefix, service) => {
    const res = await request(main.url).get(`${prefix}/some/thing?page=2&q=a%20b`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ service, method: 'GET', url: `${prefix}/some/thing?page=2&q=a%20b` });
  });

  it('forwards the bare prefix and a request body', async () => {
    const res = await request(main.url).post('/api/auth').send({ username: 'ada', password: 'x' });
    expect(res.body).toMatchObject({ service: 'user-service', method: 'POST', url: '/api/auth' });
    expect(JSON.parse(res.body.body)).toEqual({ username: 'ada', password: 'x' });
  });

  it('covers every table entry by HTTP or WebSocket', () => {
    expect(ROUTES.map((r) => r.prefix).sort()).toEqual(
      [...Object.keys(expectedService), '/api/rooms', '/api/history', '/api/runs', '/api/feedback', '/api/collab'].sort(),
    );
  });

  it.each([
    '/api/unknown/1',
    '/api/matchmaker',
    '/internal/questions/pick',
    '/internal/questions/c1de7a44-b2f0-4f0a-9d3e-5a8e9b102c1f/interviewer-material',
    '/api/collab/room-1',
  ])(
    'answers 404 problem+json for %s, which no HTTP route serves',
    async (path) => {
      const res = await request(main.url).get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, instance: path, requestId: res.headers['x-request-id'] });
    },
  );

  it('refuses dot segments that could climb out of a prefix', async () => {
    const seenBefore = questions.seen.length;
    const res = await request(main.url).get('/api/questions/%2e%2e/%2e%2e/internal/x');
    expect(res.status).toBe(400);
    expect(questions.seen.length).toBe(seenBefore);
  });
});

describe('request id and forwarding headers', () => {
  it('generates a request id, sends it upstream and back to the client', async () => {
    const res = await request(main.url).get('/api/questions/q1');
    const id = res.headers['x-request-id'];
    expect(id).toMatch(UUID);
    expect(res.body.headers['x-request-id']).toBe(id);
  });

  it("keeps the caller's request id both ways", async () => {
    const res = await request(main.url).get('/api/topics').set('x-request-id', 'browser-42');
    expect(res.headers['x-request-id']).toBe('browser-42');
    expect(res.body.headers['x-request-id']).toBe('browser-42');
  });

  it('sets x-forwarded-for, -proto and -host for the service', async () => {
    const res = await request(main.url).get('/api/users/me').set('host', 'api.peerprep.test');
    expect(res.body.headers).toMatchObject({
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'api.peerprep.test',
    });
  });
});

describe('CORS', () => {
  it('answers a preflight for an allowed origin with credentials, without calling the service', async () => {
    const seenBefore = questions.seen.length;
    const res = await request(main.url)
      .options('/api/questions')
      .set('origin', FRONTEND)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type,authorization');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']).toBe('content-type,authorization');
    expect(questions.seen.length).toBe(seenBefore);
  });

  it('lets an allowed origin read responses and the request id', async () => {
    const res = await request(main.url).get('/api/questions').set('origin', 'https://peerprep.example');
    expect(res.headers['access-control-allow-origin']).toBe('https://peerprep.example');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-expose-headers']).toContain('x-request-id');
    expect(res.headers.vary).toMatch(/origin/i);
  });

  it('gives a foreign origin no CORS headers', async () => {
    const res = await request(main.url).get('/api/questions').set('origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("also covers the gateway's own responses", async () => {
    const res = await request(main.url).get('/api/unknown').set('origin', FRONTEND);
    expect(res.status).toBe(404);
    expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
  });
});

describe('upstream failures', () => {
  it('answers 502 problem+json when the service refuses connections', async () => {
    const res = await request(main.url).get('/api/rooms/room-1').set('x-request-id', 'dead-1');
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 502,
      title: 'Bad Gateway',
      detail: 'collaboration-service is unavailable',
      instance: '/api/rooms/room-1',
      requestId: 'dead-1',
    });
  });

  it('answers 504 problem+json when the service is slower than PROXY_TIMEOUT_MS', async () => {
    const res = await request(main.url).get('/api/questions/slow');
    expect(res.status).toBe(504);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 504, detail: 'question-service did not answer within 300 ms' });
    expect(questions.seen.some((r) => r.url === '/api/questions/slow')).toBe(true);
  });
});

const openSocket = (url: string, origin?: string) => openWebSocket(url, { origin });

describe('WebSocket upgrades', () => {
  it('proxies /api/match upgrades to the matching service, with the request id', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${main.port}/api/match/events?token=t`, FRONTEND);
    if (!('socket' in opened)) throw new Error(`upgrade refused with ${opened.status}`);
    const hello = JSON.parse(opened.first) as { service: string; url: string; requestId: string };
    expect(hello).toMatchObject({ service: 'matching-service', url: '/api/match/events?token=t' });
    expect(hello.requestId).toMatch(UUID);
    const echoed = new Promise<string>((resolve) => opened.socket.once('message', (d) => resolve(d.toString())));
    opened.socket.send('ping');
    expect(await echoed).toBe('echo:ping');
    opened.socket.close();
  });

  it('survives a client that resets its proxied WebSocket mid-stream', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${main.port}/api/match/events`, FRONTEND);
    if (!('socket' in opened)) throw new Error(`upgrade refused with ${opened.status}`);
    // A TCP RST, as when a browser process dies: the gateway's side of the
    // client socket errors with ECONNRESET.
    (opened.socket as unknown as { _socket: import('node:net').Socket })._socket.resetAndDestroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await request(main.url).get('/healthz').expect(200);
    const again = await openSocket(`ws://127.0.0.1:${main.port}/api/match/events`, FRONTEND);
    expect('socket' in again).toBe(true);
    if ('socket' in again) again.socket.close();
  });

  it('refuses an upgrade from a foreign origin with 403', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${main.port}/api/match/events`, 'https://evil.example');
    expect(opened).toEqual({ status: 403 });
  });

  it('refuses an upgrade on a prefix without WebSockets with 404', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${main.port}/api/questions`, FRONTEND);
    expect(opened).toEqual({ status: 404 });
  });

  it('answers 502 when the WebSocket service is down', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${main.port}/api/collab/room-1`, FRONTEND);
    expect(opened).toEqual({ status: 502 });
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit, counted in Redis across gateway replicas', async () => {
    const limitedRedis = await createTestRedis('gateway_rl');
    const env = {
      USER_SERVICE_URL: users.url,
      QUESTION_SERVICE_URL: questions.url,
      MATCHING_SERVICE_URL: matching.url,
      COLLABORATION_SERVICE_URL: matching.url,
      RATE_LIMIT_POINTS: '3',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      REDIS_KEY_PREFIX: 'limits:',
    };
    cleanups.push(() => limitedRedis.cleanup());
    const first = await startGateway(limitedRedis, env);
    for (let i = 0; i < 3; i++) expect((await request(first.url).get('/api/topics')).status).toBe(200);

    const limited = await request(first.url).get('/api/topics');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });

    // A second replica, with its own connection, sees the same counter.
    const second = await startGateway(limitedRedis, env);
    expect((await request(second.url).get('/api/topics')).status).toBe(429);
    expect(await limitedRedis.redis.exists('limits:ratelimit:127.0.0.1')).toBe(1);

    // Probes and docs are not rate limited.
    expect((await request(first.url).get('/healthz')).status).toBe(200);
  });
});

describe("the gateway's own routes", () => {
  it('serves the OpenAPI document generated from the contracts', async () => {
    const res = await request(main.url).get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths).length).toBeGreaterThan(0);
  });

  it('serves the document with the absolute API URL the request came through', async () => {
    const direct = await request(main.url).get('/api/docs/openapi.json');
    expect(direct.body.servers).toEqual([{ url: `http://127.0.0.1:${main.port}/api` }]);
    expect(direct.headers.vary).toMatch(/x-forwarded-host/i);

    // From a trusted proxy (loopback, like the Next.js rewrite or an ingress on the private network).
    const proxied = await request(main.url)
      .get('/api/docs/openapi.json')
      .set('x-forwarded-proto', 'https')
      .set('x-forwarded-host', 'peerprep.example');
    expect(proxied.body.servers).toEqual([{ url: 'https://peerprep.example/api' }]);
  });

  it.each(['/api/docs', '/api/docs/'])('serves Swagger UI at %s, with or without the slash, pointing at the document', async (path) => {
    const page = await request(main.url).get(path);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('swagger-ui');
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const init = await request(main.url).get('/api/docs/docs-init.js');
    expect(init.text).toContain('/api/docs/openapi.json');
    expect((await request(main.url).get('/api/docs/swagger-ui-bundle.js')).status).toBe(200);
    expect((await request(main.url).get('/api/docs/swagger-ui.css')).status).toBe(200);
  });

  it('is ready when Redis answers', async () => {
    const res = await request(main.url).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { redis: 'up' } });
  });

  it('records proxied requests in the duration histogram by route prefix', async () => {
    await request(main.url).get('/api/questions/abc');
    const metrics = await request(main.url).get('/metrics');
    expect(metrics.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/questions\/\*"[^}]*status_code="200"/);
    expect(metrics.text).not.toContain('/api/questions/abc');
  });
});
