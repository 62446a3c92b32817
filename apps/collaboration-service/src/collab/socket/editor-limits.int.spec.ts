import { CHAT_MESSAGE_MAX_LENGTH, COLLAB_CLOSE_CODES, roomDocument, ROOM_LIMITS, type ChatMessage } from '@peerprep/contracts';
import { openWebSocket, waitFor, websocketHandshake } from '@peerprep/testing';
import * as encoding from 'lib0/encoding';
import request from 'supertest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabHarness, encodeChatLine, type CollabInstance, type TestClient, type TestUser } from '../../../test/collab-harness';

/** An awareness message for `clientId` with `state`, at a clock above any the room has seen. */
function awarenessMessage(clientId: number, state: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  for (let i = 0; i < 100; i++) awareness.setLocalState({ ...state, i });
  awareness.setLocalState(state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
  awareness.destroy();
  doc.destroy();
  return encoding.toUint8Array(encoder);
}

const send = (client: TestClient, message: Uint8Array) => (client.provider.ws as unknown as WebSocket).send(message);
const chatOf = (client: TestClient) => client.doc.getArray<ChatMessage>(roomDocument.chat).toArray();
const endedByOf = (client: TestClient) => client.doc.getMap(roomDocument.meta).get(roomDocument.metaKeys.endedBy);

/** How a raw socket was closed. */
const closeOf = (socket: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));

describe('the editor refuses what a participant may not do (issue #17 items 4 and 5)', () => {
  let harness: CollabHarness;
  let service: CollabInstance;
  let alice: TestUser;
  let bob: TestUser;
  let roomId: string;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_limits');
    service = await harness.startInstance();
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

  /** A participant's official client, synced. */
  async function synced(user: TestUser): Promise<TestClient> {
    const client = harness.client(service, user, roomId);
    await harness.synced(client);
    return client;
  }

  /** The room as a client connecting now gets it: what the server holds. */
  const freshView = () => synced(alice);

  it('refuses a fake end: meta.endedBy written by a participant closes their socket (4422), and the room stays open and writable', async () => {
    const a = await synced(alice);
    const mallory = await synced(bob);
    const refusal = harness.refusal(mallory);
    mallory.doc.getMap(roomDocument.meta).set(roomDocument.metaKeys.endedBy, bob.id);
    expect(await refusal).toEqual({ code: COLLAB_CLOSE_CODES.writeRefused, reason: 'meta.endedBy is written by the server only' });

    a.text.insert(0, '# still open\n');
    const fresh = await freshView();
    await waitFor(() => fresh.text.toString().startsWith('# still open\n'), 5_000, 'alice\'s edit');
    expect(endedByOf(fresh)).toBeUndefined();
    expect(endedByOf(a)).toBeUndefined();
    const room = await request(service.url).get(`/api/rooms/${roomId}`).set('authorization', `Bearer ${alice.token}`);
    expect(room.body.status).toBe('OPEN');
  });

  it('refuses a forged chat author (any client write to the chat array), and stamps a chat message with the sender', async () => {
    const a = await synced(alice);
    const mallory = await synced(bob);
    const refusal = harness.refusal(mallory);
    mallory.doc.getArray(roomDocument.chat).push([{ id: 'forged', authorId: alice.id, authorName: 'Alice', text: 'I give up', sentAt: new Date().toISOString() }]);
    expect(await refusal).toEqual({ code: COLLAB_CLOSE_CODES.writeRefused, reason: 'the chat is written by the server only (send a chat message)' });

    const b = await synced(bob);
    send(b, encodeChatLine('  hello from bob  '));
    await waitFor(() => chatOf(a).length === 1, 5_000, 'the chat line at alice');
    expect(chatOf(a)).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{32}$/), authorId: bob.id, authorName: 'Bob', text: 'hello from bob', sentAt: expect.any(String) }]);
    // The sender sees its own line too: the server wrote it.
    await waitFor(() => chatOf(b).length === 1, 5_000, 'the chat line at bob');
    expect((await freshView()).doc.getArray(roomDocument.chat).toArray()).toEqual(chatOf(a));
  });

  it("refuses a ghost peer: an awareness state for another connection's client id, or naming another user (4422)", async () => {
    const a = await synced(alice);
    a.provider.awareness.setLocalStateField('user', { id: alice.id, name: 'Alice', color: '#e91e63' });
    const mallory = await synced(bob);
    await waitFor(() => mallory.provider.awareness.getStates().has(a.doc.clientID), 5_000, 'alice in bob\'s awareness');

    // Rewriting alice's own entry (her cursor, her name).
    const rewrite = harness.refusal(mallory);
    send(mallory, awarenessMessage(a.doc.clientID, { user: { id: alice.id, name: 'Alice has left', color: '#000' } }));
    expect(await rewrite).toEqual({ code: COLLAB_CLOSE_CODES.writeRefused, reason: 'that awareness client belongs to another user' });

    // A new client id claiming to be alice.
    const ghost = await synced(bob);
    const impersonation = harness.refusal(ghost);
    send(ghost, awarenessMessage(424242, { user: { id: alice.id, name: 'Alice', color: '#e91e63' } }));
    expect(await impersonation).toEqual({ code: COLLAB_CLOSE_CODES.writeRefused, reason: "awareness.user.id must be the connection's user" });

    const fresh = await freshView();
    await waitFor(() => fresh.provider.awareness.getStates().has(a.doc.clientID), 5_000, 'alice in a fresh awareness');
    expect(fresh.provider.awareness.getStates().get(a.doc.clientID)?.['user']).toEqual({ id: alice.id, name: 'Alice', color: '#e91e63' });
    expect(fresh.provider.awareness.getStates().has(424242)).toBe(false);
  });

  it('refuses an oversized author name in awareness (4422)', async () => {
    const mallory = await synced(bob);
    const refusal = harness.refusal(mallory);
    mallory.provider.awareness.setLocalStateField('user', { id: bob.id, name: 'B'.repeat(10_000), color: '#000' });
    expect(await refusal).toEqual({ code: COLLAB_CLOSE_CODES.writeRefused, reason: `awareness.user.name must be at most ${ROOM_LIMITS.awarenessNameMaxLength} characters` });
    const fresh = await freshView();
    expect(fresh.provider.awareness.getStates().has(mallory.doc.clientID)).toBe(false);
  });

  it('closes a 100 MiB frame with 1009 before reading it', async () => {
    const opened = await openWebSocket(`${service.wsUrl}/${roomId}`, { protocols: ['peerprep', `bearer.${bob.token}`] });
    if (!('socket' in opened)) throw new Error(`refused with ${opened.status}`);
    const closed = closeOf(opened.socket);
    opened.socket.on('error', () => undefined);
    opened.socket.send(Buffer.alloc(100 * 1024 * 1024));
    expect((await closed).code).toBe(1009);
  });

  it(`refuses a user's socket past COLLAB_MAX_SOCKETS_PER_USER with ${COLLAB_CLOSE_CODES.tooManySockets}`, async () => {
    const capped = await harness.startInstance({ COLLAB_MAX_SOCKETS_PER_USER: '2' });
    try {
      const url = `${capped.wsUrl}/${roomId}`;
      const held = await Promise.all([1, 2].map(() => openWebSocket(url, { protocols: ['peerprep', `bearer.${bob.token}`] })));
      expect(held.every((socket) => 'socket' in socket)).toBe(true);
      expect(await websocketHandshake(url, ['peerprep', `bearer.${bob.token}`], 300)).toEqual({ status: 101, bytes: 0, close: COLLAB_CLOSE_CODES.tooManySockets });
      // Another user is not affected.
      expect((await websocketHandshake(url, ['peerprep', `bearer.${alice.token}`], 300)).bytes).toBeGreaterThan(0);
      for (const socket of held) if ('socket' in socket) socket.socket.close();
    } finally {
      await capped.stop();
    }
  });

  it(`closes a message flood with ${COLLAB_CLOSE_CODES.rateLimited}`, async () => {
    const opened = await openWebSocket(`${service.wsUrl}/${roomId}`, { protocols: ['peerprep', `bearer.${bob.token}`] });
    if (!('socket' in opened)) throw new Error(`refused with ${opened.status}`);
    const closed = closeOf(opened.socket);
    // Query awareness: the smallest message there is, 2 000 of them at once.
    for (let i = 0; i < 2_000; i++) opened.socket.send(new Uint8Array([3]));
    expect(await closed).toEqual({ code: COLLAB_CLOSE_CODES.rateLimited, reason: 'too many editor messages' });
    const metrics = await request(service.url).get('/metrics');
    expect(metrics.text).toMatch(/^websocket_refused_messages_total\{[^}]*channel="editor"[^}]*code="4430"[^}]*\} [1-9]/m);
  });

  it(`refuses code past ${ROOM_LIMITS.codeMaxLength} characters with ${COLLAB_CLOSE_CODES.documentTooLarge}, and nothing of it is kept`, async () => {
    const a = await synced(alice);
    const before = a.text.toString();
    const refusal = harness.refusal(a);
    a.text.insert(0, 'x'.repeat(ROOM_LIMITS.codeMaxLength + 1));
    expect(await refusal).toEqual({ code: COLLAB_CLOSE_CODES.documentTooLarge, reason: `the code may be at most ${ROOM_LIMITS.codeMaxLength} characters` });
    expect((await freshView()).text.toString()).toBe(before);
  });

  it(`refuses a chat line longer than ${CHAT_MESSAGE_MAX_LENGTH} characters with ${COLLAB_CLOSE_CODES.chatRefused}`, async () => {
    const b = await synced(bob);
    const refusal = harness.refusal(b);
    send(b, encodeChatLine('x'.repeat(CHAT_MESSAGE_MAX_LENGTH + 1)));
    expect(await refusal).toEqual({ code: COLLAB_CLOSE_CODES.chatRefused, reason: `a chat message is at most ${CHAT_MESSAGE_MAX_LENGTH} characters` });
    expect(chatOf(await freshView())).toEqual([]);
  });

  it(`refuses chat line ${ROOM_LIMITS.chatMaxMessages + 1} with ${COLLAB_CLOSE_CODES.chatRefused}`, async () => {
    const observer = await synced(alice);
    // Four sockets, each within its message rate.
    const senders = await Promise.all([alice, alice, bob, bob].map((user) => synced(user)));
    const perSender = ROOM_LIMITS.chatMaxMessages / senders.length;
    senders.forEach((sender, index) => {
      for (let i = 0; i < perSender; i++) send(sender, encodeChatLine(`line ${index}-${i}`));
    });
    await waitFor(() => chatOf(observer).length === ROOM_LIMITS.chatMaxMessages, 20_000, 'every chat line');
    const refusal = harness.refusal(senders[0]);
    send(senders[0], encodeChatLine('one too many'));
    expect(await refusal).toEqual({ code: COLLAB_CLOSE_CODES.chatRefused, reason: `the chat is full (${ROOM_LIMITS.chatMaxMessages} messages)` });
    expect(chatOf(await freshView())).toHaveLength(ROOM_LIMITS.chatMaxMessages);
  });
});
