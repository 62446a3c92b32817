import http from 'node:http';
import { createService, loadConfig, baseEnvSchema, portVariable, type Service } from '@peerprep/service-kit';
import { createTestRedis, testServiceEnv, type TestRedis } from '@peerprep/testing';
import { WebSocket } from 'ws';
import { startTestGateway, type StartedGateway } from '../test/gateway';
import { startFakeUpstream, type FakeUpstream } from '../test/upstreams';

/**
 * Which client a request counts against, through the real gateway and a real
 * service-kit service behind it (user-service's login limit keys on req.ip
 * exactly as `whoami` and `login` do here). All of it runs on loopback, so
 * two loopback addresses stand for two machines: 127.0.0.2 is the trusted
 * proxy in front of the gateway (the Next.js server, ingress-nginx) and
 * 127.0.0.1 a client that connects to the gateway directly (as browsers do
 * for WebSockets).
 */
const PROXY = '127.0.0.2';
const DIRECT = '127.0.0.1';
const GATEWAY_POINTS = 3;
const LOGINS_PER_CLIENT = 2;

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

function send(baseUrl: string, path: string, opts: { from: string; headers?: Record<string, string>; method?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseUrl), { method: opts.method ?? 'GET', localAddress: opts.from, headers: opts.headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A real service behind the gateway: the service kit's trust rules, an echo of what it believes, and a per-address login budget. */
async function startAddressService(): Promise<{ service: Service; url: string }> {
  const logins = new Map<string, number>();
  const config = loadConfig(baseEnvSchema.extend({ PORT: portVariable(0) }), { ...testServiceEnv });
  const service = createService({
    name: 'address-echo',
    config,
    routes: (app) => {
      app.get('/api/users/whoami', (req, res) => {
        res.json({ ip: req.ip, headers: req.headers });
      });
      app.post('/api/auth/login', (req, res) => {
        const used = (logins.get(req.ip ?? '') ?? 0) + 1;
        logins.set(req.ip ?? '', used);
        res.status(used > LOGINS_PER_CLIENT ? 429 : 200).json({ ip: req.ip, used });
      });
    },
  });
  const { url } = await service.start();
  return { service, url };
}

let testRedis: TestRedis;
let backend: { service: Service; url: string };
let matching: FakeUpstream;
let limited: StartedGateway;
let open: StartedGateway;

beforeAll(async () => {
  testRedis = await createTestRedis('gateway_client_address');
  [backend, matching] = await Promise.all([startAddressService(), startFakeUpstream('matching-service', { websocket: true })]);
  const env = {
    USER_SERVICE_URL: backend.url,
    MATCHING_SERVICE_URL: matching.url,
    TRUST_PROXY: PROXY,
    TRUSTED_PROXY_HOPS: '1',
  };
  limited = await startTestGateway(testRedis, { ...env, RATE_LIMIT_POINTS: String(GATEWAY_POINTS), REDIS_KEY_PREFIX: 'limited:' });
  open = await startTestGateway(testRedis, { ...env, RATE_LIMIT_POINTS: '10000', REDIS_KEY_PREFIX: 'open:' });
});

afterAll(async () => {
  await limited?.gateway.stop('test finished');
  await open?.gateway.stop('test finished');
  await backend?.service.stop('test finished');
  await matching?.close();
  await testRedis?.cleanup();
});

describe("the gateway's rate limit counts the real client", () => {
  it('gives a direct client no fresh bucket for a forged X-Forwarded-For', async () => {
    for (let i = 1; i <= GATEWAY_POINTS; i += 1) {
      const res = await send(limited.url, '/api/users/whoami', { from: DIRECT, headers: { 'x-forwarded-for': `198.18.0.${i}` } });
      expect(res.status).toBe(200);
    }
    const forged = await send(limited.url, '/api/users/whoami', { from: DIRECT, headers: { 'x-forwarded-for': '198.18.0.99' } });
    expect(forged.status).toBe(429);
  });

  it('gives two clients behind the trusted proxy separate buckets, and none for what a client prepends', async () => {
    const asClient = (client: string, forged?: string) =>
      send(limited.url, '/api/users/whoami', { from: PROXY, headers: { 'x-forwarded-for': forged ? `${forged}, ${client}` : client } });
    for (let i = 1; i <= GATEWAY_POINTS; i += 1) {
      // The proxy appended the real 198.51.100.1; the client wrote a new address before it each time.
      expect((await asClient('198.51.100.1', `198.18.1.${i}`)).status).toBe(200);
    }
    expect((await asClient('198.51.100.1', '198.18.1.99')).status).toBe(429);
    expect((await asClient('198.51.100.2')).status).toBe(200);
  });

  it('counts IPv6 clients by their /64, so one subscriber cannot rotate into fresh buckets', async () => {
    const fromClient = (client: string) => send(limited.url, '/api/users/whoami', { from: PROXY, headers: { 'x-forwarded-for': client } });
    for (let i = 1; i <= GATEWAY_POINTS; i += 1) expect((await fromClient(`2001:db8:1:2::${i}`)).status).toBe(200);
    expect((await fromClient('2001:db8:1:2:ffff:ffff:ffff:ffff')).status).toBe(429);
    expect((await fromClient('2001:db8:1:3::1')).status).toBe(200);
  });
});

describe('what the service believes', () => {
  it('sees the address the trusted proxy vouched for, as the only X-Forwarded-For entry', async () => {
    const res = await send(open.url, '/api/users/whoami', { from: PROXY, headers: { 'x-forwarded-for': '198.18.2.1, 198.51.100.7' } });
    expect(res.body['ip']).toBe('198.51.100.7');
    expect((res.body['headers'] as Record<string, string>)['x-forwarded-for']).toBe('198.51.100.7');
  });

  it("sees a direct client's socket address, not its forged X-Forwarded-For, X-Real-IP or Forwarded", async () => {
    const res = await send(open.url, '/api/users/whoami', {
      from: DIRECT,
      headers: { 'x-forwarded-for': '198.18.2.2', 'x-real-ip': '198.18.2.3', forwarded: 'for=198.18.2.4' },
    });
    const headers = res.body['headers'] as Record<string, string>;
    expect(res.body['ip']).toBe(DIRECT);
    expect(headers['x-forwarded-for']).toBe(DIRECT);
    expect(headers['x-real-ip']).toBeUndefined();
    expect(headers['forwarded']).toBeUndefined();
  });

  it("keeps one client's login budget its own: exhausting it leaves the next client's untouched", async () => {
    const login = (client: string, forged: string) =>
      send(open.url, '/api/auth/login', { method: 'POST', from: PROXY, headers: { 'x-forwarded-for': `${forged}, ${client}` } });
    for (let i = 1; i <= LOGINS_PER_CLIENT; i += 1) expect((await login('198.51.100.10', `198.18.3.${i}`)).status).toBe(200);
    expect((await login('198.51.100.10', '198.18.3.99')).status).toBe(429);
    expect((await login('198.51.100.11', '198.18.3.100')).body).toEqual({ ip: '198.51.100.11', used: 1 });
  });
});

describe('internal headers stay internal', () => {
  const outsideHeaders = { 'x-internal-token': 'peerprep-dev-internal-token', 'x-internal-caller': 'question-service' };

  it.each([
    ['a direct client', DIRECT],
    ['a client behind the trusted proxy', PROXY],
  ])('never forwards x-internal-* sent by %s to a service', async (_who, from) => {
    const res = await send(open.url, '/api/users/whoami', { from, headers: outsideHeaders });
    expect(res.status).toBe(200);
    const headers = res.body['headers'] as Record<string, string>;
    expect(Object.keys(headers).filter((name) => name.startsWith('x-internal-'))).toEqual([]);
  });

  it('strips them from WebSocket upgrades too, and forwards the derived client address', async () => {
    const socket = new WebSocket(`${open.url.replace('http', 'ws')}/api/match/events`, {
      localAddress: DIRECT,
      headers: { ...outsideHeaders, 'x-forwarded-for': '198.18.4.1' },
    });
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data) => resolve(data.toString()));
      socket.once('error', reject);
    });
    socket.close();
    const headers = (JSON.parse(first) as { headers: Record<string, string> }).headers;
    expect(Object.keys(headers).filter((name) => name.startsWith('x-internal-'))).toEqual([]);
    expect(headers['x-forwarded-for']).toBe(DIRECT);
  });
});
