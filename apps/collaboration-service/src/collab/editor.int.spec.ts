import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { COLLAB_CLOSE_CODES } from '@peerprep/contracts';
import { startTcpProxy, waitFor, websocketHandshake } from '@peerprep/testing';
import request from 'supertest';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CollabHarness, freePort, type CollabInstance, type TestClient, type TestUser } from '../../test/collab-harness';
import { readRoomDocument } from '../documents/room-document';
import { decodeFanout } from './fanout/fanout-codec';

/** What a raw WebSocket handshake gets: the HTTP refusal status, or 101 and how the server closed it within 300 ms. */
const handshake = (url: string, protocols: string[]) => websocketHandshake(url, protocols, 300);

const textOf = (client: TestClient) => client.text.toString();

/** `from` announces `user` in awareness and `to` sees it; then `from` is destroyed and leaves `to`'s awareness. */
async function expectPresence(from: TestClient, to: TestClient, user: { id: string; name: string; color: string }, [seen, left]: [string, string]) {
  from.provider.awareness.setLocalStateField('user', user);
  await waitFor(() => [...to.provider.awareness.getStates().values()].some((state) => state['user']?.name === user.name), 5_000, seen);
  from.destroy();
  await waitFor(() => to.provider.awareness.getStates().size === 1, 5_000, left);
}

describe('the editor: y-websocket protocol with real providers', () => {
  let harness: CollabHarness;
  let service: CollabInstance;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_editor');
    service = await harness.startInstance();
  });

  beforeEach(async () => {
    alice = await harness.user('Alice');
    bob = await harness.user('Bob');
  });

  afterEach(() => harness.disconnectAll());

  /** A replica started now, with nothing of the room in memory, serves `user` the room's document as `expected`. */
  async function expectNewReplicaServes(user: TestUser, roomId: string, expected: string): Promise<void> {
    const replica = await harness.startInstance();
    try {
      const client = harness.client(replica, user, roomId);
      await harness.synced(client);
      expect(textOf(client)).toBe(expected);
      client.destroy();
    } finally {
      await replica.stop();
    }
  }

  /** A room of alice's and bob's, alice on the first replica and bob on `second`, both synced. */
  async function openAcross(second: CollabInstance): Promise<{ roomId: string; a: TestClient; b: TestClient }> {
    const { roomId } = await harness.openRoom([alice, bob]);
    const a = harness.client(service, alice, roomId);
    const b = harness.client(second, bob, roomId);
    await Promise.all([harness.synced(a), harness.synced(b)]);
    return { roomId, a, b };
  }

  afterAll(async () => {
    await harness?.stop();
  });

  it('syncs two official WebsocketProvider clients both ways, starting from the starter code, with awareness', async () => {
    const { roomId } = await harness.openRoom([alice, bob]);
    const a = harness.client(service, alice, roomId);
    const b = harness.client(service, bob, roomId);
    await Promise.all([harness.synced(a), harness.synced(b)]);
    const starter = harness.questions[0].starterCode.python;
    expect(textOf(a)).toBe(starter);

    a.text.insert(0, '# alice\n');
    await waitFor(() => textOf(b).startsWith('# alice\n'), 5_000, 'bob to see alice');
    b.text.insert(b.text.length, '# bob\n');
    await waitFor(() => textOf(a).endsWith('# bob\n'), 5_000, 'alice to see bob');
    expect(textOf(a)).toBe(textOf(b));

    await expectPresence(a, b, { id: alice.id, name: 'Alice', color: '#e91e63' }, ['bob to see alice in awareness', 'alice to leave bob\'s awareness']);
  });

  it('refuses a bad token (HTTP 401), then a stranger, an unknown room and a malformed id (final 44xx closes) before any byte', async () => {
    const { roomId } = await harness.openRoom([alice, bob]);
    const stranger = await harness.user('Mallory');
    const expired = await harness.sign(alice.id, 'Alice', Math.floor(Date.now() / 1000) - 60);

    const url = `${service.wsUrl}/${roomId}`;
    expect(await handshake(url, ['peerprep', 'bearer.not-a-token'])).toEqual({ status: 401, bytes: 0 });
    expect(await handshake(url, ['peerprep', `bearer.${expired}`])).toEqual({ status: 401, bytes: 0 });
    expect(await handshake(url, ['peerprep'])).toEqual({ status: 401, bytes: 0 });
    expect(await handshake(url, ['peerprep', `bearer.${stranger.token}`])).toEqual({ status: 101, bytes: 0, close: COLLAB_CLOSE_CODES.forbidden });
    expect(await handshake(`${service.wsUrl}/${randomUUID()}`, ['peerprep', `bearer.${alice.token}`])).toEqual({
      status: 101,
      bytes: 0,
      close: COLLAB_CLOSE_CODES.notFound,
    });
    expect(await handshake(`${service.wsUrl}/nope`, ['peerprep', `bearer.${alice.token}`])).toEqual({
      status: 101,
      bytes: 0,
      close: COLLAB_CLOSE_CODES.badRequest,
    });
    const participant = await handshake(url, ['peerprep', `bearer.${alice.token}`]);
    expect(participant.status).toBe(101);
    expect(participant.bytes).toBeGreaterThan(0);

    // The official client as a stranger: told once, it stops retrying and never receives the document.
    const spy = harness.client(service, stranger, roomId);
    const closed = await new Promise<{ code: number }>((resolve) => spy.provider.once('closed', (event) => resolve(event)));
    expect(closed.code).toBe(COLLAB_CLOSE_CODES.forbidden);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(spy.provider.shouldConnect).toBe(false);
    expect(textOf(spy)).toBe('');
    expect(service.app.liveRooms.isLive(roomId)).toBe(false);
    spy.destroy();
  });

  it('holds no room for a handshake ws refuses after the room was loaded (a bad Sec-WebSocket-Version)', async () => {
    const { roomId } = await harness.openRoom([alice, bob]);
    const { hostname, port } = new URL(service.wsUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: hostname,
        port,
        path: `/api/collab/${roomId}`,
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
          'sec-websocket-version': '99',
          'sec-websocket-protocol': `peerprep, bearer.${alice.token}`,
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('upgrade', () => reject(new Error('the handshake was accepted')));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    await waitFor(() => !service.app.liveRooms.isLive(roomId), 5_000, 'the room to be freed');

    // The room is held and freed as usual afterwards.
    const a = harness.client(service, alice, roomId);
    await harness.synced(a);
    expect(service.app.liveRooms.hasConnections(roomId)).toBe(true);
    a.destroy();
    await waitFor(() => !service.app.liveRooms.isLive(roomId), 5_000, 'the room to be freed after its client left');
  });

  it('pings every socket and cuts off one that stopped answering, keeping the live ones', async () => {
    const pinging = await harness.startInstance({ COLLAB_HEARTBEAT_MS: '150' });
    try {
      const { roomId } = await harness.openRoom([alice, bob]);
      const live = harness.client(pinging, alice, roomId);
      await harness.synced(live);
      // A peer that is gone without a FIN: its socket is open, but nothing answers the pings.
      const silent = new WebSocket(`${pinging.wsUrl}/${roomId}`, ['peerprep', `bearer.${bob.token}`], { autoPong: false });
      let pings = 0;
      silent.on('ping', () => (pings += 1));
      await new Promise((resolve, reject) => {
        silent.once('open', resolve);
        silent.once('error', reject);
      });
      const closed = await new Promise<number>((resolve) => silent.once('close', resolve));
      expect(closed).toBe(1006);
      expect(pings).toBeGreaterThanOrEqual(1);
      await waitFor(() => pinging.app.liveRooms.stats().connections === 1, 5_000, 'the silent socket to be forgotten');
      // The live client answered every ping (ws does by itself) and is still there.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(live.provider.wsconnected).toBe(true);
      expect(pinging.app.liveRooms.hasConnections(roomId)).toBe(true);
      live.destroy();
    } finally {
      await pinging.stop();
    }
  });

  it('persists every update: a fresh replica serves the whole document, and an idle room is freed from memory', async () => {
    const { roomId } = await harness.openRoom([alice, bob]);
    const a = harness.client(service, alice, roomId);
    await harness.synced(a);
    for (let i = 0; i < 30; i += 1) a.text.insert(a.text.length, `line ${i}\n`);
    const expected = textOf(a);
    expect(service.app.liveRooms.isLive(roomId)).toBe(true);
    a.destroy();
    await waitFor(() => !service.app.liveRooms.isLive(roomId), 5_000, 'the room to be freed');

    await expectNewReplicaServes(bob, roomId, expected);
    // Freed with compaction: the log was merged into the snapshot.
    expect(await harness.prisma.documentUpdate.count({ where: { roomId } })).toBe(0);
  });

  it('compacts the update log into the snapshot while a room is busy', async () => {
    const busy = await harness.startInstance({ COLLAB_COMPACT_AFTER_UPDATES: '5', COLLAB_FLUSH_INTERVAL_MS: '5' });
    try {
      const { roomId } = await harness.openRoom([alice, bob]);
      const a = harness.client(busy, alice, roomId);
      await harness.synced(a);
      for (let i = 0; i < 40; i += 1) {
        a.text.insert(a.text.length, `${i},`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const stored = async () => {
        const row = await harness.prisma.roomDocument.findUniqueOrThrow({ where: { roomId } });
        const log = await harness.prisma.documentUpdate.findMany({ where: { roomId } });
        const snapshotOnly = new Y.Doc();
        Y.applyUpdate(snapshotOnly, row.snapshot);
        const whole = new Y.Doc();
        Y.applyUpdate(whole, row.snapshot);
        for (const entry of log) Y.applyUpdate(whole, entry.update);
        return { text: whole.getText('code').toString(), snapshot: snapshotOnly.getText('code').toString(), log: log.length };
      };
      await waitFor(async () => (await stored()).text === textOf(a), 5_000, 'everything stored');
      const { snapshot, log } = await stored();
      // Compacted along the way: the snapshot holds edits, and the log is a fraction of the 40 edits.
      expect(snapshot).toContain('0,1,2,3,');
      expect(log).toBeLessThan(20);
      a.destroy();
    } finally {
      await busy.stop();
    }
  });

  it('loses nothing across a crash (SIGKILL) mid-edit: clients resync on reconnect', async () => {
    const { roomId } = await harness.openRoom([alice, bob]);
    const port = await freePort();
    let replica = await harness.spawnInstance(port);
    const a = harness.client(replica, alice, roomId);
    const b = harness.client(replica, bob, roomId);
    await Promise.all([harness.synced(a), harness.synced(b)]);

    let typed = 0;
    const typing = setInterval(() => {
      a.text.insert(a.text.length, `a${typed} `);
      b.text.insert(0, `b${typed} `);
      typed += 1;
    }, 5);
    await waitFor(() => typed >= 40, 5_000, 'typing');
    await replica.kill();
    // Still typing while the service is down.
    await waitFor(() => typed >= 80, 5_000, 'typing offline');
    replica = await harness.spawnInstance(port);
    await waitFor(() => typed >= 120, 5_000, 'typing after the restart');
    clearInterval(typing);

    await waitFor(() => a.provider.synced && b.provider.synced && textOf(a) === textOf(b), 15_000, 'both to converge');
    for (let i = 0; i < typed; i += 1) {
      expect(textOf(a)).toContain(`a${i} `);
      expect(textOf(a)).toContain(`b${i} `);
    }
    const expected = textOf(a);
    a.destroy();
    b.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await replica.kill();

    // Only Postgres is left: a new replica serves every keystroke.
    await expectNewReplicaServes(alice, roomId, expected);
  }, 60_000);

  it('serves one room from two replicas: edits and awareness fan out through Redis', async () => {
    const second = await harness.startInstance();
    try {
      const { roomId, a, b } = await openAcross(second);

      a.text.insert(0, 'from replica one\n');
      await waitFor(() => textOf(b).startsWith('from replica one\n'), 5_000, 'bob (replica two) to see alice');
      b.text.insert(b.text.length, 'from replica two\n');
      await waitFor(() => textOf(a).endsWith('from replica two\n'), 5_000, 'alice (replica one) to see bob');

      await expectPresence(b, a, { id: bob.id, name: 'Bob', color: '#2196f3' }, ['alice to see bob\'s cursor across replicas', 'bob to leave alice\'s awareness']);
      // Both replicas wrote only their own clients' edits; together they hold the whole document.
      a.destroy();
      await waitFor(() => !service.app.liveRooms.isLive(roomId) && !second.app.liveRooms.isLive(roomId), 5_000, 'both freed');
      const c = harness.client(second, alice, roomId);
      await harness.synced(c);
      expect(textOf(c)).toContain('from replica one\n');
      expect(textOf(c)).toContain('from replica two\n');
      c.destroy();
    } finally {
      await second.stop();
    }
  });

  it('ends a session: both see it, the room closes, attempts are saved, and later writes are rejected', async () => {
    const second = await harness.startInstance();
    try {
      const { roomId, a, b } = await openAcross(second);
      a.text.delete(0, a.text.length);
      a.text.insert(0, 'def solve(a, b):\n    return a + b\n');
      a.doc.getMap('meta').set('language', 'javascript');
      await harness.chat(b, 'looks good');
      await waitFor(() => a.doc.getArray('chat').length === 1 && b.doc.getMap('meta').get('language') === 'javascript', 5_000, 'sync');

      const ended = await request(second.url).post(`/api/rooms/${roomId}/end`).set('authorization', `Bearer ${bob.token}`).expect(200);
      expect(ended.body).toMatchObject({ status: 'CLOSED', closedBy: bob.id, language: 'javascript' });
      await waitFor(() => a.doc.getMap('meta').get('endedBy') === bob.id, 5_000, 'alice to see the session end');
      await request(service.url).post(`/api/rooms/${roomId}/end`).set('authorization', `Bearer ${alice.token}`).expect(409);

      const attempts = await harness.prisma.attempt.findMany({ where: { roomId }, orderBy: { userId: 'asc' } });
      expect(attempts).toHaveLength(2);
      for (const attempt of attempts) {
        expect(attempt).toMatchObject({ finalCode: 'def solve(a, b):\n    return a + b\n', language: 'javascript' });
        expect(attempt.chat).toEqual([expect.objectContaining({ authorId: bob.id, authorName: 'Bob', text: 'looks good' })]);
        expect(attempt.partnerId).toBe(attempt.userId === alice.id ? bob.id : alice.id);
      }
      await waitFor(() => harness.closed.some((c) => c.roomId === roomId) && harness.attemptsSaved.filter((s) => s.roomId === roomId).length === 2, 10_000, 'events');
      expect(harness.closed.find((c) => c.roomId === roomId)).toMatchObject({ closedBy: bob.id, userIds: [alice.id, bob.id] });

      // Writes after the end reach neither the peer nor Postgres.
      a.text.insert(0, 'too late ');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(textOf(b).startsWith('too late')).toBe(false);
      a.destroy();
      b.destroy();
      await waitFor(() => !service.app.liveRooms.isLive(roomId) && !second.app.liveRooms.isLive(roomId), 5_000, 'both freed');
      const c = harness.client(service, alice, roomId);
      await harness.synced(c);
      expect(textOf(c)).toBe('def solve(a, b):\n    return a + b\n');
      expect(readRoomDocument(c.doc).endedBy).toBe(bob.id);
      // Reopened closed: still read-only.
      c.text.insert(0, 'still too late ');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(service.app.liveRooms.stats().droppedWrites).toBeGreaterThan(0);
      c.destroy();
      await waitFor(() => !service.app.liveRooms.isLive(roomId), 5_000, 'freed');
      const d = harness.client(second, bob, roomId);
      await harness.synced(d);
      expect(textOf(d)).toBe('def solve(a, b):\n    return a + b\n');
      d.destroy();
    } finally {
      await second.stop();
    }
  });

  it('closes a room abandoned by both users (system close, attempts saved) and keeps a room with someone connected open', async () => {
    const sweeping = await harness.startInstance({ COLLAB_IDLE_CLOSE_MS: '600', COLLAB_IDLE_SWEEP_MS: '100' });
    try {
      const abandoned = await harness.openRoom([alice, bob]);
      const carol = await harness.user('Carol');
      const dave = await harness.user('Dave');
      const attended = await harness.openRoom([carol, dave]);
      const a = harness.client(sweeping, alice, abandoned.roomId);
      const c = harness.client(sweeping, carol, attended.roomId);
      await Promise.all([harness.synced(a), harness.synced(c)]);
      a.text.insert(0, '# left for later\n');
      await new Promise((resolve) => setTimeout(resolve, 100));
      a.destroy();

      await waitFor(() => harness.closed.some((closed) => closed.roomId === abandoned.roomId), 10_000, 'the idle room to close');
      expect(harness.closed.find((closed) => closed.roomId === abandoned.roomId)).toMatchObject({ closedBy: null });
      const attempts = await harness.prisma.attempt.findMany({ where: { roomId: abandoned.roomId } });
      expect(attempts).toHaveLength(2);
      expect(attempts[0].finalCode.startsWith('# left for later\n')).toBe(true);

      // Carol is still there (idle, but connected): her room stays open.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((await harness.prisma.room.findUniqueOrThrow({ where: { id: attended.roomId } })).status).toBe('OPEN');
      c.destroy();
    } finally {
      await sweeping.stop();
    }
  });

  it('closes an idle room whose users both deleted their accounts (no room.closed: nobody to tell), and the rooms after it', async () => {
    const sweeping = await harness.startInstance({ COLLAB_IDLE_CLOSE_MS: '600', COLLAB_IDLE_SWEEP_MS: '100' });
    try {
      const erin = await harness.user('Erin');
      const frank = await harness.user('Frank');
      const orphaned = await harness.openRoom([erin, frank]);
      await harness.events.publish('user.deleted', { userId: erin.id });
      await harness.events.publish('user.deleted', { userId: frank.id });
      await waitFor(
        async () => (await harness.prisma.roomParticipant.count({ where: { roomId: orphaned.roomId, userId: { not: null } } })) === 0,
        10_000,
        'both participants anonymised',
      );
      const later = await harness.openRoom([await harness.user('Gina'), await harness.user('Hugo')]);

      await waitFor(() => harness.closed.some((closed) => closed.roomId === later.roomId), 10_000, 'the later idle room to close');
      await waitFor(
        async () => (await harness.prisma.room.findUniqueOrThrow({ where: { id: orphaned.roomId } })).status === 'CLOSED',
        10_000,
        'the orphaned room to close',
      );
      expect(harness.closed.some((closed) => closed.roomId === orphaned.roomId)).toBe(false);
    } finally {
      await sweeping.stop();
    }
  });

  it('fans out nothing while a room lives on one replica, and converges when a second replica joins mid-edit', async () => {
    const second = await harness.startInstance();
    const watcher = new Redis(harness.infra.redis.url);
    try {
      const { roomId } = await harness.openRoom([alice, bob]);
      const kinds: string[] = [];
      watcher.on('messageBuffer', (_channel: Buffer, data: Buffer) => kinds.push(decodeFanout(data)?.message.kind ?? '?'));
      await watcher.subscribe(`${harness.infra.redis.prefix}collab:room:${roomId}`);

      const a = harness.client(service, alice, roomId);
      await harness.synced(a);
      for (let i = 0; i < 10; i += 1) a.text.insert(a.text.length, `solo${i} `);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Alone: only the sync request of its load went out.
      expect(kinds).toEqual(['sync-request']);

      let typed = 0;
      const typing = setInterval(() => {
        a.text.insert(a.text.length, `a${typed} `);
        typed += 1;
      }, 2);
      await waitFor(() => typed >= 20, 5_000, 'typing');
      const b = harness.client(second, bob, roomId);
      b.provider.on('sync', (synced: boolean) => synced && b.text.insert(0, 'bob-was-here '));
      await harness.synced(b);
      await waitFor(() => typed >= 80, 5_000, 'typing while both are connected');
      clearInterval(typing);

      await waitFor(() => textOf(a) === textOf(b), 5_000, 'the two replicas to converge');
      for (let i = 0; i < typed; i += 1) expect(textOf(b)).toContain(`a${i} `);
      expect(textOf(a)).toContain('bob-was-here ');
      expect(kinds).toContain('update');
    } finally {
      watcher.disconnect();
      await second.stop();
    }
  });

  it('catches up after its Redis connection drops: edits a peer published meanwhile arrive once it is back', async () => {
    const target = new URL(harness.infra.redis.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const second = await harness.startInstance({ REDIS_URL: proxy.url('redis') });
    try {
      const { a, b } = await openAcross(second);
      a.text.insert(0, 'before ');
      await waitFor(() => textOf(b).startsWith('before '), 5_000, 'the replicas to know each other');

      await proxy.pause();
      a.text.insert(0, 'during-the-outage ');
      b.text.insert(b.text.length, ' from-the-cut-off-side');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(textOf(b)).not.toContain('during-the-outage');
      await proxy.resume();

      await waitFor(() => textOf(a) === textOf(b), 10_000, 'the replicas to converge after the reconnect');
      expect(textOf(b)).toContain('during-the-outage ');
      expect(textOf(a)).toContain(' from-the-cut-off-side');
    } finally {
      await second.stop();
      await proxy.close();
    }
  });
});
