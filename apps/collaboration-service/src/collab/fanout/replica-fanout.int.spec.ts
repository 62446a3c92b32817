import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createLogger } from '@peerprep/service-kit';
import { createTestRedis, startTcpProxy, waitFor, type TestRedis } from '@peerprep/testing';
import { Redis } from 'ioredis';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LiveRoom } from '../live-room';
import { decodeFanout } from './fanout-codec';
import { createReplicaFanout, REMOTE, type ReplicaFanout } from './replica-fanout';

const RESYNC_SETTLED_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const logger = createLogger({ name: 'fanout-test', level: 'silent' });
const textOf = (room: LiveRoom) => room.doc.getText('code').toString();

/** One replica's fan-out with its own Redis connections, holding rooms as live-rooms.ts does. */
class Replica {
  readonly rooms = new Map<string, LiveRoom>();
  readonly fanout: ReplicaFanout;
  private readonly redis: Redis;
  private readonly subscriber: Redis;

  constructor(url: string, keyPrefix: string, subscriberUrl = url) {
    this.redis = new Redis(url);
    this.subscriber = new Redis(subscriberUrl);
    this.fanout = createReplicaFanout({
      redis: this.redis,
      subscriber: this.subscriber,
      keyPrefix,
      rooms: { get: (roomId) => this.rooms.get(roomId), rooms: () => this.rooms.values() },
      logger,
    });
  }

  /**
   * Connected, and past the resync that follows every (re)connection of the
   * subscriber, as a replica is long before it serves a room.
   */
  async started(): Promise<this> {
    if (this.subscriber.status !== 'ready') await once(this.subscriber, 'ready');
    await sleep(RESYNC_SETTLED_MS);
    return this;
  }

  /** Subscribes, without loading yet (a load in progress). */
  async subscribe(roomId: string): Promise<LiveRoom> {
    const room = new LiveRoom(roomId);
    this.rooms.set(roomId, room);
    await this.fanout.subscribe(roomId);
    return room;
  }

  /** Loaded: this replica's own changes go to the peers, and it asks them for what it lacks. */
  loaded(room: LiveRoom): LiveRoom {
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.fanout.update(room, update);
    });
    room.loadedAt = Date.now();
    this.fanout.joined(room);
    return room;
  }

  async hold(roomId: string): Promise<LiveRoom> {
    return this.loaded(await this.subscribe(roomId));
  }

  async free(room: LiveRoom): Promise<void> {
    this.fanout.left(room);
    this.rooms.delete(room.id);
    await this.fanout.unsubscribe(room.id);
    room.destroy();
  }

  async close(): Promise<void> {
    for (const room of this.rooms.values()) room.destroy();
    this.subscriber.disconnect();
    await this.redis.quit();
  }
}

describe('the replica fan-out over real Redis', () => {
  let testRedis: TestRedis;
  let keyPrefix: string;
  let one: Replica;
  let two: Replica;
  let watcher: Redis;

  beforeAll(async () => {
    testRedis = await createTestRedis('collab_fanout');
    keyPrefix = `${testRedis.prefix}collab:`;
  });

  beforeEach(async () => {
    [one, two] = await Promise.all([new Replica(testRedis.url, keyPrefix).started(), new Replica(testRedis.url, keyPrefix).started()]);
    watcher = new Redis(testRedis.url);
  });

  afterEach(async () => {
    watcher.disconnect();
    await Promise.all([one.close(), two.close()]);
  });

  afterAll(async () => {
    await testRedis.cleanup();
  });

  /** Every fan-out message on the room's channel, by kind, as a third party hears them. */
  async function watch(roomId: string): Promise<string[]> {
    const kinds: string[] = [];
    watcher.on('messageBuffer', (_channel: Buffer, data: Buffer) => kinds.push(decodeFanout(data)?.message.kind ?? '?'));
    await watcher.subscribe(`${keyPrefix}room:${roomId}`);
    return kinds;
  }

  it('publishes nothing but its sync request while no other replica holds the room', async () => {
    const roomId = randomUUID();
    const kinds = await watch(roomId);
    const room = await one.hold(roomId);
    for (let i = 0; i < 5; i += 1) room.doc.getText('code').insert(0, `${i}`);
    await sleep(200);

    expect(kinds).toEqual(['sync-request']);
    expect(room.hasPeers).toBe(false);
    expect(room.peers).toBeUndefined();
  });

  it('lets two holders find each other, exchange what each lacks, then fan out every change both ways', async () => {
    const roomId = randomUUID();
    const a = await one.hold(roomId);
    a.doc.getText('code').insert(0, 'written alone on one;');
    const b = two.loaded(await two.subscribe(roomId));
    b.doc.getText('code').insert(0, 'written on two before it knew;');

    await waitFor(() => textOf(a) === textOf(b) && textOf(a).length > 40, 5_000, 'the first exchange');
    expect(textOf(b)).toContain('written alone on one;');
    expect(textOf(a)).toContain('written on two before it knew;');
    expect([...(a.peers ?? [])]).toEqual([two.fanout.replicaId]);
    expect([...(b.peers ?? [])]).toEqual([one.fanout.replicaId]);

    a.doc.getText('code').insert(0, 'from one ');
    await waitFor(() => textOf(b).startsWith('from one '), 5_000, 'two to get the edit from one');
    b.doc.getText('code').insert(textOf(b).length, ' from two');
    await waitFor(() => textOf(a).endsWith(' from two'), 5_000, 'one to get the edit from two');
    // What arrived from the other replica is marked so: not fanned out again, written whole on free.
    expect(textOf(a)).toBe(textOf(b));
  });

  it('relays awareness, and answers a sync request with its own clients\' awareness', async () => {
    const roomId = randomUUID();
    const a = await one.hold(roomId);
    // A client of replica one, connected with its awareness state.
    const client = new awarenessProtocol.Awareness(new Y.Doc());
    client.setLocalStateField('user', { name: 'Alice' });
    awarenessProtocol.applyAwarenessUpdate(a.awareness, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]), 'client');
    a.conns.set({} as WebSocket, new Set([client.clientID]));

    const b = await two.hold(roomId);
    await waitFor(() => b.awareness.getStates().has(client.clientID), 5_000, 'two to see one\'s client');
    expect(b.awareness.getStates().get(client.clientID)).toEqual({ user: { name: 'Alice' } });

    client.setLocalStateField('user', { name: 'Alice (moved)' });
    one.fanout.awareness(a, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]));
    await waitFor(() => b.awareness.getStates().get(client.clientID)?.['user']?.name === 'Alice (moved)', 5_000, 'the awareness change');
    client.destroy();
  });

  it('stops fanning out to a replica that left, and tells every holder when the room closes', async () => {
    const roomId = randomUUID();
    const a = await one.hold(roomId);
    const b = await two.hold(roomId);
    await waitFor(() => a.hasPeers && b.hasPeers, 5_000, 'the replicas to know each other');

    one.fanout.closed(a);
    await waitFor(() => b.readOnly, 5_000, 'two to turn the room read-only');

    const kinds = await watch(roomId);
    await two.free(b);
    await waitFor(() => !a.hasPeers, 5_000, 'one to forget two');
    a.doc.getText('code').insert(0, 'alone again');
    await sleep(200);
    expect(kinds).toEqual(['left']);
  });

  it('asks the other holders again once its Redis subscriber is back from a dropped connection', async () => {
    const target = new URL(testRedis.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const cutOff = await new Replica(testRedis.url, keyPrefix, proxy.url('redis')).started();
    try {
      const loadedId = randomUUID();
      const loadingId = randomUUID();
      await cutOff.hold(loadedId);
      await cutOff.subscribe(loadingId);
      const kinds = await watch(loadedId);
      await watcher.subscribe(`${keyPrefix}room:${loadingId}`);
      await proxy.pause();
      await sleep(100);
      await proxy.resume();
      await waitFor(() => kinds.length > 0, 10_000, 'the sync request after the reconnect');
      await sleep(200);

      // The loaded room asks again (what its peers published meanwhile was lost to it); the one still loading does not.
      expect(kinds).toEqual(['sync-request']);
    } finally {
      await cutOff.close();
      await proxy.close();
    }
  });

  it('keeps what arrives while a room is loading and applies it once loaded', async () => {
    const roomId = randomUUID();
    const a = await one.hold(roomId);
    const b = await two.subscribe(roomId);
    one.fanout.closed(a);
    await waitFor(() => (b.early?.length ?? 0) > 0, 5_000, 'the message to wait in early');
    expect(b.readOnly).toBe(false);

    two.loaded(b);
    expect(b.early).toBeUndefined();
    expect(b.readOnly).toBe(true);
    expect(b.hasPeers).toBe(true);
  });
});
