import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { CALL_SIGNAL_MAX_BYTES, COLLAB_CLOSE_CODES, iceServersViewSchema, type CallSignal } from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import request from 'supertest';
import type { WebSocket } from 'ws';
import { CollabHarness, encodeCallSignal, type CollabInstance, type TestClient, type TestUser } from '../../test/collab-harness';

const TURN_URLS = ['turn:turn.example.test:3478?transport=udp', 'turn:turn.example.test:3478?transport=tcp'];
const TURN_SECRET = 'calls-int-spec-turn-secret';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sendSignal = (client: TestClient, signal: CallSignal | string) => (client.provider.ws as unknown as WebSocket).send(encodeCallSignal(signal));
const offer = (joinId: string): CallSignal => ({ kind: 'description', joinId, description: { type: 'offer', sdp: `v=0\r\no=- ${joinId} 2 IN IP4 127.0.0.1\r\n` } });

describe('the room\'s call: ICE servers and signalling over the editor socket (issue #18 item 5)', () => {
  let harness: CollabHarness;
  let first: CollabInstance;
  let second: CollabInstance;
  let alice: TestUser;
  let bob: TestUser;
  let roomId: string;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_calls');
    const turn = { TURN_URLS: TURN_URLS.join(','), TURN_SECRET, TURN_CREDENTIAL_TTL_SECONDS: '600' };
    first = await harness.startInstance(turn);
    second = await harness.startInstance(turn);
  });

  beforeEach(async () => {
    alice = await harness.user('Alice');
    bob = await harness.user('Bob');
    ({ roomId } = await harness.openRoom([alice, bob]));
  });

  afterEach(() => harness.disconnectAll());

  afterAll(async () => {
    await harness?.stop();
  });

  const iceServers = (user: TestUser | null, id: string, instance = first) => {
    const req = request(instance.url).get(`/api/rooms/${id}/ice-servers`);
    return user ? req.set('authorization', `Bearer ${user.token}`) : req;
  };

  async function synced(user: TestUser, instance = first): Promise<TestClient> {
    const client = harness.client(instance, user, roomId);
    await harness.synced(client);
    return client;
  }

  describe('GET /api/rooms/:id/ice-servers', () => {
    it('gives a participant the TURN server with a credential in coturn\'s REST scheme, expiring after the TTL', async () => {
      const before = Math.floor(Date.now() / 1000);
      const response = await iceServers(alice, roomId).expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const view = iceServersViewSchema.parse(response.body);
      expect(view.iceServers).toHaveLength(1);
      const [server] = view.iceServers;
      expect(server.urls).toEqual(TURN_URLS);
      const [expiry, userId] = String(server.username).split(':');
      expect(userId).toBe(alice.id);
      expect(Number(expiry)).toBeGreaterThanOrEqual(before + 600);
      expect(Number(expiry)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 600);
      expect(new Date(view.expiresAt).getTime()).toBe(Number(expiry) * 1000);
      // What coturn computes from the same secret (openssl, not node:crypto).
      const expected = execFileSync('openssl', ['dgst', '-sha1', '-hmac', TURN_SECRET, '-binary'], { input: server.username }).toString('base64');
      expect(server.credential).toBe(expected);
    });

    it('answers 401 without a token, 403 to a stranger, 404 for an unknown room, 400 for a malformed id, and 409 once the session ended', async () => {
      const stranger = await harness.user('Mallory');
      await iceServers(null, roomId).expect(401);
      const forbidden = await iceServers(stranger, roomId).expect(403);
      expect(forbidden.headers['content-type']).toContain('application/problem+json');
      await iceServers(alice, randomUUID()).expect(404);
      const malformed = await iceServers(alice, 'not-a-room').expect(400);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'id', location: 'params' })]);

      await request(first.url).post(`/api/rooms/${roomId}/end`).set('authorization', `Bearer ${bob.token}`).expect(200);
      const ended = await iceServers(alice, roomId).expect(409);
      expect(ended.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    });

    it('gives no TURN server on a replica without one (npm start): the browsers use host candidates', async () => {
      const local = await harness.startInstance();
      try {
        const view = iceServersViewSchema.parse((await iceServers(bob, roomId, local).expect(200)).body);
        expect(view.iceServers).toEqual([]);
      } finally {
        await local.stop();
      }
    });
  });

  describe('signalling', () => {
    it('relays A\'s offer to B stamped with A\'s id, never back to A (any tab) and never to another room\'s users', async () => {
      const a = await synced(alice);
      const aSecondTab = await synced(alice);
      const b = await synced(bob);
      const [carol, dave] = [await harness.user('Carol'), await harness.user('Dave')];
      const other = await harness.openRoom([carol, dave]);
      const c = harness.client(first, carol, other.roomId);
      await harness.synced(c);

      sendSignal(a, offer('join-alice-0001'));
      await waitFor(() => b.calls.length === 1, 5_000, 'the offer at B');
      expect(b.calls[0]).toEqual({ from: alice.id, signal: offer('join-alice-0001') });

      // B's answer goes the other way, to both of Alice's tabs.
      const answer: CallSignal = { kind: 'description', joinId: 'join-bob-00001', description: { type: 'answer', sdp: 'v=0\r\n' } };
      sendSignal(b, answer);
      await waitFor(() => a.calls.length === 1 && aSecondTab.calls.length === 1, 5_000, 'the answer at both of Alice\'s tabs');
      expect(a.calls[0]).toEqual({ from: bob.id, signal: answer });
      await sleep(200);
      expect(b.calls).toHaveLength(1);
      expect(c.calls).toHaveLength(0);
    });

    it('refuses a stranger the room before any signal could reach them (4403)', async () => {
      const stranger = await harness.user('Mallory');
      const mallory = harness.client(first, stranger, roomId);
      expect(await harness.refusal(mallory)).toMatchObject({ code: COLLAB_CLOSE_CODES.forbidden });
      expect(mallory.calls).toEqual([]);
    });

    it('relays between two replicas through Redis: A on one, B on the other, both ways', async () => {
      const a = await synced(alice, first);
      const b = await synced(bob, second);
      // No sync exchange between the replicas is needed first: a call signal is published whether or not a peer is known.
      sendSignal(a, { kind: 'join', joinId: 'join-alice-0002' });
      await waitFor(() => b.calls.length === 1, 5_000, 'A\'s join at B on the other replica');
      expect(b.calls[0]).toEqual({ from: alice.id, signal: { kind: 'join', joinId: 'join-alice-0002' } });

      sendSignal(b, { kind: 'candidate', joinId: 'join-bob-00002', candidate: { candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host', sdpMid: '0', sdpMLineIndex: 0 } });
      await waitFor(() => a.calls.length === 1, 5_000, 'B\'s candidate at A on the first replica');
      expect(a.calls[0].from).toBe(bob.id);
      await sleep(200);
      expect(b.calls).toHaveLength(1);
    });

    it('closes the socket of a malformed or oversized signal with 4422 and relays nothing of it', async () => {
      const b = await synced(bob);
      const malformed = await synced(alice);
      const refusal = harness.refusal(malformed);
      sendSignal(malformed, JSON.stringify({ kind: 'description', joinId: 'join-alice-0003', description: { type: 'rollback' } }));
      expect(await refusal).toMatchObject({ code: COLLAB_CLOSE_CODES.writeRefused });

      const oversized = await synced(alice);
      const tooBig = harness.refusal(oversized);
      sendSignal(oversized, { kind: 'description', joinId: 'join-alice-0004', description: { type: 'offer', sdp: 'a'.repeat(CALL_SIGNAL_MAX_BYTES) } });
      expect(await tooBig).toEqual({ code: COLLAB_CLOSE_CODES.writeRefused, reason: `a call signal is at most ${CALL_SIGNAL_MAX_BYTES} bytes` });
      await sleep(200);
      expect(b.calls).toEqual([]);
    });

    it('relays nothing once the session ended, and keeps nothing of a call in the document', async () => {
      const a = await synced(alice);
      const b = await synced(bob);
      sendSignal(a, offer('join-alice-0005'));
      await waitFor(() => b.calls.length === 1, 5_000, 'the offer before the end');
      const code = b.text.toString();

      await request(first.url).post(`/api/rooms/${roomId}/end`).set('authorization', `Bearer ${alice.token}`).expect(200);
      sendSignal(a, { kind: 'hangup', joinId: 'join-alice-0005' });
      await sleep(300);
      expect(b.calls).toHaveLength(1);
      expect(b.text.toString()).toBe(code);
      const stored = await harness.prisma.roomDocument.findUniqueOrThrow({ where: { roomId } });
      expect(Buffer.from(stored.snapshot).toString('latin1')).not.toContain('join-alice-0005');
      const updates = await harness.prisma.documentUpdate.findMany({ where: { roomId } });
      for (const row of updates) expect(Buffer.from(row.update).toString('latin1')).not.toContain('join-alice-0005');
    });
  });
});
