import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBSOCKET_CLOSE_CODES } from '@peerprep/contracts';
import { Registry } from 'prom-client';
import { WebSocket } from 'ws';
import { ServiceUnavailableError, UnauthorizedError } from '../errors';
import { createLogger } from '../logger';
import { createWebSocketHub, sendToSocket, WebSocketRefusal, type SocketCloser, type WebSocketHub, type WebSocketHubOptions } from './hub';

interface TestUser {
  id: string;
}

/** The test's channel: `/ws/<room>`; the user is `?user=<id>` (none: 401; `keys-down`: 503); room `locked` refuses with 4403. */
type Options = WebSocketHubOptions<TestUser, string, { room: string; user: string }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

interface Started {
  hub: WebSocketHub & SocketCloser<TestUser>;
  registry: Registry;
  base: string;
  /** The server side of every socket opened, in order. */
  conns: WebSocket[];
  received: { room: string; data: string }[];
  closed: string[];
  abandoned: string[];
  /** Set to hold admissions until resolved. */
  gate: { wait?: Promise<void> };
}

const servers: http.Server[] = [];
const hubs: WebSocketHub[] = [];
const clients: WebSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  await Promise.all(hubs.splice(0).map((hub) => hub.closeAll()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function startHub(overrides: Partial<Options> = {}): Promise<Started> {
  const registry = new Registry();
  const started = { registry, conns: [], received: [], closed: [], abandoned: [], gate: {} } as unknown as Started;
  const options: Options = {
    name: 'test',
    logger: createLogger({ name: 'hub-test', level: 'silent' }),
    registry,
    route: (path) => {
      if (!path.startsWith('/ws/')) return undefined;
      const room = path.slice('/ws/'.length);
      if (room === '') throw new WebSocketRefusal(4400, 'room missing');
      return room;
    },
    async authenticate(req) {
      const user = new URL(req.url ?? '/', 'http://x').searchParams.get('user');
      if (user === 'keys-down') throw new ServiceUnavailableError('keys unavailable');
      if (!user) throw new UnauthorizedError();
      return { id: user };
    },
    handleProtocols: (offered) => (offered.has('test') ? 'test' : false),
    async admit(user, room) {
      await started.gate.wait;
      if (room === 'locked') throw new WebSocketRefusal(4403, 'not yours');
      return { room, user: user.id };
    },
    abandon: (context) => started.abandoned.push(context.room),
    onOpen: (conn) => started.conns.push(conn),
    onMessage(_conn, data, context) {
      if (data.toString() === 'malformed') throw new Error('malformed');
      if (data.toString() === 'forbidden') throw new WebSocketRefusal(4422, 'not allowed here');
      started.received.push({ room: context.room, data: data.toString() });
    },
    onClose: (_conn, context) => started.closed.push(context.room),
    maxPayload: 1024,
    maxSocketsPerUser: 3,
    messageRate: { perSecond: 1_000, burst: 1_000 },
    heartbeat: { intervalMs: 60_000 },
    shutdownClose: { code: 1012, reason: 'service restarting' },
    ...overrides,
  };
  started.hub = createWebSocketHub(options);
  hubs.push(started.hub);
  const server = http.createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket, head) => started.hub.handleUpgrade(req, socket, head));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  started.base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return started;
}

function connect(url: string, options: { autoPong?: boolean } = {}): WebSocket {
  const client = new WebSocket(url, ['test'], options);
  client.on('error', () => undefined);
  clients.push(client);
  return client;
}

/** How a handshake ended: the HTTP refusal status, or 101 and the close code once closed. */
function handshake(url: string): Promise<{ status: number; close?: number; reason?: string }> {
  return new Promise((resolve) => {
    const client = connect(url);
    client.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      client.terminate();
    });
    client.once('close', (code, reason) => resolve({ status: 101, close: code, reason: reason.toString() }));
  });
}

async function opened(url: string, options: { autoPong?: boolean } = {}): Promise<WebSocket> {
  const client = connect(url, options);
  await new Promise<void>((resolve, reject) => {
    client.once('open', () => resolve());
    client.once('close', (code) => reject(new Error(`closed with ${code} instead of opening`)));
    client.once('unexpected-response', (_req, res) => reject(new Error(`refused with HTTP ${res.statusCode}`)));
  });
  return client;
}

const closeOf = (client: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) => {
    if (client.readyState === WebSocket.CLOSED) throw new Error('already closed');
    client.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });

/** The value of the one sample of `metric` carrying all the given labels (0 when there is none). */
async function sample(registry: Registry, metric: string, labels: Record<string, string> = {}): Promise<number> {
  const lines = (await registry.metrics())
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`) || line.startsWith(`${metric} `))
    .filter((line) => Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)));
  if (lines.length > 1) throw new Error(`${lines.length} samples of ${metric} match`);
  return lines.length === 0 ? 0 : Number(lines[0].split(' ').pop());
}

describe('the WebSocket hub: admission', () => {
  it('opens an admitted socket with its context and hands it the messages', async () => {
    const { base, received, conns, hub } = await startHub();
    const client = await opened(`${base}/ws/room-1?user=alice`);
    expect(client.protocol).toBe('test');
    client.send('hello');
    await waitFor(() => received.length === 1, 'the message');
    expect(received).toEqual([{ room: 'room-1', data: 'hello' }]);
    expect(hub.openSockets).toBe(1);
    expect(conns).toHaveLength(1);
  });

  it('refuses over HTTP: 404 off the path, 401 without a user, 503 when authentication is unavailable', async () => {
    const { base, conns } = await startHub();
    expect(await handshake(`${base}/elsewhere?user=alice`)).toEqual({ status: 404 });
    expect(await handshake(`${base}/ws/room-1`)).toEqual({ status: 401 });
    expect(await handshake(`${base}/ws/room-1?user=keys-down`)).toEqual({ status: 503 });
    expect(conns).toHaveLength(0);
  });

  it('refuses with a close code from the route (before the token) and from the admission', async () => {
    const { base, conns } = await startHub();
    expect(await handshake(`${base}/ws/`)).toEqual({ status: 101, close: 4400, reason: 'room missing' });
    expect(await handshake(`${base}/ws/locked?user=alice`)).toEqual({ status: 101, close: 4403, reason: 'not yours' });
    expect(conns).toHaveLength(0);
  });

  it('answers 500 for an admission that failed unexpectedly', async () => {
    const { base } = await startHub({
      admit: async () => {
        throw new Error('database down');
      },
    });
    expect(await handshake(`${base}/ws/room-1?user=alice`)).toEqual({ status: 500 });
  });

  it('closes a socket whose message passes maxPayload with 1009, and one whose message the channel cannot read with 1007', async () => {
    const { base, received, closed } = await startHub({ maxPayload: 16 });
    const big = await opened(`${base}/ws/big?user=alice`);
    const bigClosed = closeOf(big);
    big.send('x'.repeat(17));
    expect((await bigClosed).code).toBe(1009);

    const bad = await opened(`${base}/ws/bad?user=alice`);
    const badClosed = closeOf(bad);
    bad.send('malformed');
    expect(await badClosed).toEqual({ code: 1007, reason: 'malformed message' });
    expect(received).toEqual([]);
    await waitFor(() => closed.length === 2, 'both closes seen by the channel');
  });

  it('closes a socket whose message the channel refuses with the refusal\'s code and reason, counted by code', async () => {
    const { base, received, registry } = await startHub();
    const client = await opened(`${base}/ws/room-1?user=alice`);
    const closed = closeOf(client);
    client.send('fine');
    client.send('forbidden');
    client.send('after');
    expect(await closed).toEqual({ code: 4422, reason: 'not allowed here' });
    expect(received).toEqual([{ room: 'room-1', data: 'fine' }]);
    expect(await sample(registry, 'websocket_refused_messages_total', { channel: 'test', code: '4422' })).toBe(1);
  });

  it(`closes a socket that sends past its message rate with ${WEBSOCKET_CLOSE_CODES.rateLimited}, handling none past the burst`, async () => {
    // One a minute refills nothing while the test runs: exactly the burst is handled.
    const { base, received, registry } = await startHub({ messageRate: { perSecond: 1 / 60, burst: 5 } });
    const flooder = await opened(`${base}/ws/flood?user=alice`);
    const closed = closeOf(flooder);
    for (let i = 0; i < 50; i++) flooder.send(`m${i}`);
    expect(await closed).toEqual({ code: WEBSOCKET_CLOSE_CODES.rateLimited, reason: 'too many test messages' });
    expect(received.map((message) => message.data)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(await sample(registry, 'websocket_refused_messages_total', { channel: 'test', code: String(WEBSOCKET_CLOSE_CODES.rateLimited) })).toBe(1);

    // Another socket of the same user has a bucket of its own.
    const calm = await opened(`${base}/ws/calm?user=alice`);
    calm.send('hello');
    await waitFor(() => received.some((message) => message.data === 'hello'), 'the calm socket\'s message');
    expect(calm.readyState).toBe(WebSocket.OPEN);
  });

  it(`refuses a user's socket past the cap with ${WEBSOCKET_CLOSE_CODES.tooManySockets}, counting sockets still being admitted, and frees the place on close`, async () => {
    const started = await startHub({ maxSocketsPerUser: 2 });
    const { base, gate } = started;
    const first = await opened(`${base}/ws/a?user=alice`);
    // The second is held in admission: it counts already.
    let release!: () => void;
    gate.wait = new Promise<void>((resolve) => (release = resolve));
    const second = connect(`${base}/ws/b?user=alice`);
    const secondOpen = new Promise((resolve) => second.once('open', resolve));
    await sleep(20);
    expect(await handshake(`${base}/ws/c?user=alice`)).toEqual({
      status: 101,
      close: WEBSOCKET_CLOSE_CODES.tooManySockets,
      reason: 'too many test connections for this user',
    });
    // Another user is not affected.
    release();
    gate.wait = undefined;
    await opened(`${base}/ws/a?user=bob`);
    await secondOpen;

    const firstClosed = closeOf(first);
    first.close();
    await firstClosed;
    await waitFor(() => started.closed.length === 1, 'the close seen by the hub');
    await opened(`${base}/ws/d?user=alice`);
  });

  it('abandons an admission whose client left meanwhile, and frees its place', async () => {
    const started = await startHub({ maxSocketsPerUser: 1 });
    let release!: () => void;
    started.gate.wait = new Promise<void>((resolve) => (release = resolve));
    const leaving = connect(`${started.base}/ws/slow?user=alice`);
    await sleep(20);
    leaving.terminate();
    await sleep(20);
    release();
    await waitFor(() => started.abandoned.length === 1, 'the admission abandoned');
    expect(started.abandoned).toEqual(['slow']);
    started.gate.wait = undefined;
    await opened(`${started.base}/ws/next?user=alice`);
    expect(started.conns).toHaveLength(1);
  });
});

describe('the WebSocket hub: heartbeat', () => {
  it('terminates a socket that did not answer the previous ping, and keeps the ones that do', async () => {
    const { base, registry } = await startHub({ heartbeat: { intervalMs: 30 } });
    const live = await opened(`${base}/ws/live?user=alice`);
    let livePings = 0;
    live.on('ping', () => (livePings += 1));
    const silent = await opened(`${base}/ws/silent?user=bob`, { autoPong: false });
    let silentPings = 0;
    silent.on('ping', () => (silentPings += 1));
    const silentClosed = closeOf(silent);

    // Pinged once; cut off at the next beat instead of a second ping (no close frame: 1006 for the client).
    expect((await silentClosed).code).toBe(1006);
    expect(silentPings).toBe(1);
    await waitFor(() => livePings >= 3, 'more beats');
    expect(live.readyState).toBe(WebSocket.OPEN);
    expect(await sample(registry, 'websocket_heartbeat_terminations_total', { channel: 'test' })).toBe(1);
  });

  it('pings in batches with pending I/O between them, reaching every socket', async () => {
    const started = await startHub({ heartbeat: { intervalMs: 200, batch: 4 }, maxSocketsPerUser: 16 });
    const count = 4 * 2 + 3;
    for (let i = 0; i < count; i++) await opened(`${started.base}/ws/r${i}?user=alice`);
    let pinged = 0;
    let afterFirstBatch = -1;
    for (const conn of started.conns) {
      const ping = conn.ping.bind(conn);
      conn.ping = (...args: Parameters<WebSocket['ping']>) => {
        // The first ping of the beat: what runs right after its synchronous part is one batch.
        if (pinged === 0) process.nextTick(() => (afterFirstBatch = pinged));
        pinged += 1;
        ping(...args);
      };
    }
    await waitFor(() => pinged === count, 'every socket pinged');
    expect(afterFirstBatch).toBe(4);
  });

  it('stops pinging once closed', async () => {
    const { base, hub } = await startHub({ heartbeat: { intervalMs: 10 } });
    const client = await opened(`${base}/ws/r?user=alice`);
    let pings = 0;
    client.on('ping', () => (pings += 1));
    client.on('close', () => undefined);
    await hub.closeAll();
    const seen = pings;
    await sleep(50);
    expect(pings).toBe(seen);
  });
});

describe('the WebSocket hub: sending', () => {
  it('cuts off a client whose unsent backlog passes maxBufferedBytes, instead of buffering without limit', async () => {
    const started = await startHub({ maxBufferedBytes: 1024 * 1024 });
    const client = await opened(`${started.base}/ws/slow?user=alice`);
    client.pause();
    const conn = started.conns[0];
    const chunk = new Uint8Array(256 * 1024);
    // The kernel's socket buffers take a few MB first; 64 MB is far beyond them.
    for (let sent = 0; sent < 256 && conn.readyState === WebSocket.OPEN; sent++) {
      started.hub.send(conn, chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(conn.readyState).toBe(WebSocket.CLOSED);
    expect(conn.bufferedAmount).toBeLessThan(64 * 1024 * 1024);
    await waitFor(() => started.closed.length === 1, 'the close seen by the channel');
    expect(await sample(started.registry, 'websocket_backpressure_cutoffs_total', { channel: 'test' })).toBe(1);
  });

  it('sends nothing to a socket that is not open', async () => {
    const started = await startHub();
    const client = await opened(`${started.base}/ws/r?user=alice`);
    const conn = started.conns[0];
    const closed = closeOf(client);
    conn.close(1000);
    sendToSocket(conn, 'late');
    let got = 0;
    client.on('message', () => (got += 1));
    await closed;
    expect(got).toBe(0);
  });
});

describe('the WebSocket hub: shutdown', () => {
  it('closes every socket with the configured code, then refuses new upgrades with 503 and abandons admissions in flight', async () => {
    const started = await startHub();
    const clientsOpen = [await opened(`${started.base}/ws/a?user=alice`), await opened(`${started.base}/ws/b?user=bob`)];
    const closes = clientsOpen.map(closeOf);
    let release!: () => void;
    started.gate.wait = new Promise<void>((resolve) => (release = resolve));
    const pending = handshake(`${started.base}/ws/pending?user=carol`);
    await sleep(20);

    await started.hub.closeAll();
    expect(await Promise.all(closes)).toEqual([
      { code: 1012, reason: 'service restarting' },
      { code: 1012, reason: 'service restarting' },
    ]);
    expect(started.hub.openSockets).toBe(0);
    release();
    expect(await pending).toEqual({ status: 503 });
    expect(started.abandoned).toEqual(['pending']);
    started.gate.wait = undefined;
    expect(await handshake(`${started.base}/ws/c?user=dave`)).toEqual({ status: 503 });
  });
});

describe('the WebSocket hub: metrics', () => {
  it('counts open sockets, upgrades by outcome, and messages and bytes both ways, labelled by channel', async () => {
    const started = await startHub();
    const { base, registry } = started;
    const client = await opened(`${base}/ws/a?user=alice`);
    await opened(`${base}/ws/b?user=alice`);
    await handshake(`${base}/ws/locked?user=alice`);
    await handshake(`${base}/ws/a`);
    await handshake(`${base}/nowhere`);
    client.send('12345');
    client.send('678');
    await waitFor(() => started.received.length === 2, 'both messages');
    const got = new Promise((resolve) => client.once('message', resolve));
    started.hub.send(started.conns[0], 'four');
    started.hub.send(started.conns[0], new Uint8Array(10));
    await got;

    const channel = { channel: 'test' };
    expect(await sample(registry, 'websocket_open_sockets', channel)).toBe(2);
    expect(await sample(registry, 'websocket_upgrades_total', { ...channel, outcome: 'opened', code: '101' })).toBe(2);
    expect(await sample(registry, 'websocket_upgrades_total', { ...channel, outcome: 'refused', code: '4403' })).toBe(1);
    expect(await sample(registry, 'websocket_upgrades_total', { ...channel, outcome: 'rejected', code: '401' })).toBe(1);
    expect(await sample(registry, 'websocket_upgrades_total', { ...channel, outcome: 'rejected', code: '404' })).toBe(1);
    expect(await sample(registry, 'websocket_messages_received_total', channel)).toBe(2);
    expect(await sample(registry, 'websocket_received_bytes_total', channel)).toBe(8);
    expect(await sample(registry, 'websocket_messages_sent_total', channel)).toBe(2);
    expect(await sample(registry, 'websocket_sent_bytes_total', channel)).toBe(14);
    // A second scrape counts nothing twice.
    expect(await sample(registry, 'websocket_messages_received_total', channel)).toBe(2);

    const closed = closeOf(client);
    client.close();
    await closed;
    await waitFor(() => started.closed.length === 1, 'the close seen by the hub');
    expect(await sample(registry, 'websocket_open_sockets', channel)).toBe(1);
  });

  it('keeps two channels of one registry apart', async () => {
    const first = await startHub({ name: 'editor' });
    const registry = first.registry;
    const second = await startHub({ name: 'status', registry });
    await opened(`${first.base}/ws/a?user=alice`);
    await opened(`${second.base}/ws/a?user=alice`);
    await opened(`${second.base}/ws/b?user=alice`);
    expect(await sample(registry, 'websocket_open_sockets', { channel: 'editor' })).toBe(1);
    expect(await sample(registry, 'websocket_open_sockets', { channel: 'status' })).toBe(2);
  });
});

describe('closing sockets by who holds them', () => {
  it('closes only the sockets whose user matches, with the given code', async () => {
    const started = await startHub();
    const alice = [await opened(`${started.base}/ws/a?user=alice`), await opened(`${started.base}/ws/b?user=alice`)];
    const bob = await opened(`${started.base}/ws/a?user=bob`);
    const closes = Promise.all(alice.map(closeOf));

    expect(started.hub.closeWhere((user) => user.id === 'alice', 4001, 'access revoked')).toBe(2);

    expect(await closes).toEqual([
      { code: 4001, reason: 'access revoked' },
      { code: 4001, reason: 'access revoked' },
    ]);
    expect(bob.readyState).toBe(WebSocket.OPEN);
  });

  it("closes a socket at the first heartbeat after its user's credential expired, with expiryClose", async () => {
    const started = await startHub({
      heartbeat: { intervalMs: 20 },
      expiresAt: (user) => (user.id === 'expired' ? Date.now() - 1 : undefined),
      expiryClose: { code: 4401, reason: 'access token expired' },
    });
    const expired = await opened(`${started.base}/ws/a?user=expired`);
    const fresh = await opened(`${started.base}/ws/a?user=fresh`);

    expect(await closeOf(expired)).toEqual({ code: 4401, reason: 'access token expired' });
    expect(fresh.readyState).toBe(WebSocket.OPEN);
  });
});
