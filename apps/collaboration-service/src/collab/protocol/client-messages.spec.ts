import { CALL_SIGNAL_MAX_BYTES, COLLAB_CLOSE_CODES, callSignalEnvelopeSchema, type CallSignal } from '@peerprep/contracts';
import { WebSocketRefusal } from '@peerprep/service-kit';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { LiveRoom } from '../live-room';
import type { EditorUser } from '../live-room';
import { createClientMessages } from './client-messages';
import { greet, join, leave, localAwarenessClients, recordControlledClients, sendToOthers } from './clients';
import { editorMessages } from './messages';
import { broadcast, MAX_BUFFERED_BYTES, send } from './send';

/** A socket as far as the protocol sees one: what it was sent, and whether it was cut off. */
class FakeSocket {
  readyState: number = WebSocket.OPEN;
  bufferedAmount = 0;
  readonly sent: Uint8Array[] = [];
  terminated = false;
  send(message: Uint8Array, callback?: (error?: Error) => void): void {
    this.sent.push(message);
    callback?.();
  }
  terminate(): void {
    this.terminated = true;
  }
}

const asSocket = (fake: FakeSocket) => fake as unknown as WebSocket;

function message(type: number, write: (encoder: encoding.Encoder) => void = () => undefined): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const alice = { id: '11111111-1111-4111-8111-111111111111', displayName: 'Alice' };
const aliceInAwareness = { id: alice.id, name: 'Alice', color: '#e91e63' };

const sync = (write: (encoder: encoding.Encoder) => void) => message(editorMessages.sync.type, write);

function roomWith(text: string): LiveRoom {
  const room = new LiveRoom('room-1');
  room.doc.getText('code').insert(0, text);
  return room;
}

describe('client messages', () => {
  let room: LiveRoom;
  let conn: FakeSocket;
  let messages: ReturnType<typeof createClientMessages>;
  /** Every call signal handed on for delivery, as (room, sender, message). */
  let delivered: { room: LiveRoom; from: EditorUser; message: Uint8Array }[];

  beforeEach(() => {
    room = roomWith('server text');
    conn = new FakeSocket();
    join(room, asSocket(conn), alice);
    delivered = [];
    messages = createClientMessages((to, from, sent) => delivered.push({ room: to, from, message: sent }));
  });

  const callSignal = (signal: CallSignal | string) =>
    message(editorMessages.callSignal.type, (encoder) => encoding.writeVarString(encoder, typeof signal === 'string' ? signal : JSON.stringify(signal)));

  /** The refusal (close code and reason) receiving `data` throws. */
  function refusalOf(data: Uint8Array): { code: number; reason: string } {
    try {
      messages.receive(room, asSocket(conn), data);
    } catch (error) {
      if (error instanceof WebSocketRefusal) return { code: error.code, reason: error.message };
      throw error;
    }
    throw new Error('the message was taken');
  }

  it('stamps a call signal with the connection\'s user and hands it on for the other participant, sending nothing back', () => {
    const offer: CallSignal = { kind: 'description', joinId: 'join-alice-1', description: { type: 'offer', sdp: 'v=0\r\n' } };
    messages.receive(room, asSocket(conn), callSignal(offer));

    expect(conn.sent).toHaveLength(0);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].from).toEqual(alice);
    const decoder = decoding.createDecoder(delivered[0].message);
    expect(decoding.readVarUint(decoder)).toBe(editorMessages.callSignal.type);
    expect(callSignalEnvelopeSchema.parse(JSON.parse(decoding.readVarString(decoder)))).toEqual({ from: alice.id, signal: offer });
    // Never a document write.
    expect(room.doc.getText('code').toString()).toBe('server text');
  });

  it('refuses a call signal that is not JSON, not a CallSignal, claims a sender, or is past its size (4422), handing nothing on', () => {
    expect(refusalOf(callSignal('{not json'))).toEqual({ code: COLLAB_CLOSE_CODES.writeRefused, reason: 'a call signal is JSON' });
    expect(refusalOf(callSignal(JSON.stringify({ kind: 'ring', joinId: 'join-alice-1' }))).code).toBe(COLLAB_CLOSE_CODES.writeRefused);
    expect(refusalOf(callSignal(JSON.stringify({ kind: 'hangup', joinId: 'join-alice-1', from: 'someone-else' }))).code).toBe(
      COLLAB_CLOSE_CODES.writeRefused,
    );
    const huge: CallSignal = { kind: 'description', joinId: 'join-alice-1', description: { type: 'offer', sdp: 'a'.repeat(CALL_SIGNAL_MAX_BYTES) } };
    expect(refusalOf(callSignal(huge))).toEqual({
      code: COLLAB_CLOSE_CODES.writeRefused,
      reason: `a call signal is at most ${CALL_SIGNAL_MAX_BYTES} bytes`,
    });
    expect(delivered).toHaveLength(0);
  });

  it('drops and counts a call signal in a read-only room (the call ends with the session)', () => {
    room.readOnly = true;
    messages.receive(room, asSocket(conn), callSignal({ kind: 'join', joinId: 'join-alice-1' }));
    expect(delivered).toHaveLength(0);
    expect(messages.droppedWrites).toBe(1);
  });

  afterEach(() => room.destroy());

  it('answers sync step 1 with what the client lacks', () => {
    const client = new Y.Doc();
    messages.receive(room, asSocket(conn), sync((encoder) => syncProtocol.writeSyncStep1(encoder, client)));

    expect(conn.sent).toHaveLength(1);
    const decoder = decoding.createDecoder(conn.sent[0]);
    expect(decoding.readVarUint(decoder)).toBe(editorMessages.sync.type);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2);
    Y.applyUpdate(client, decoding.readVarUint8Array(decoder));
    expect(client.getText('code').toString()).toBe('server text');
  });

  it('applies sync step 2 and updates to the room document, with the sending socket as origin', () => {
    const origins: unknown[] = [];
    room.doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
    client.getText('code').insert(0, 'step2 ');
    messages.receive(room, asSocket(conn), sync((encoder) => syncProtocol.writeSyncStep2(encoder, client, Y.encodeStateVector(room.doc))));
    client.getText('code').insert(0, 'update ');
    messages.receive(room, asSocket(conn), sync((encoder) => syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(client, Y.encodeStateVector(room.doc)))));

    expect(room.doc.getText('code').toString()).toBe('update step2 server text');
    expect(origins).toEqual([conn, conn]);
    expect(conn.sent).toHaveLength(0);
    expect(messages.droppedWrites).toBe(0);
  });

  it('drops and counts writes to a read-only room, and still answers sync step 1', () => {
    room.readOnly = true;
    const client = new Y.Doc();
    client.getText('code').insert(0, 'too late');
    const update = Y.encodeStateAsUpdate(client);
    messages.receive(room, asSocket(conn), sync((encoder) => syncProtocol.writeUpdate(encoder, update)));
    messages.receive(room, asSocket(conn), sync((encoder) => syncProtocol.writeSyncStep2(encoder, client)));
    messages.receive(room, asSocket(conn), sync((encoder) => syncProtocol.writeSyncStep1(encoder, client)));

    expect(room.doc.getText('code').toString()).toBe('server text');
    expect(messages.droppedWrites).toBe(2);
    expect(conn.sent).toHaveLength(1);
  });

  it('applies a client awareness update and records the client ids its socket controls', () => {
    const clientAwareness = new awarenessProtocol.Awareness(new Y.Doc());
    clientAwareness.setLocalStateField('user', aliceInAwareness);
    room.awareness.on('update', ({ added, removed }: { added: number[]; removed: number[] }, origin: unknown) =>
      recordControlledClients(room, origin, added, removed),
    );
    const real = asSocket(conn);
    const update = awarenessProtocol.encodeAwarenessUpdate(clientAwareness, [clientAwareness.clientID]);
    messages.receive(room, real, message(editorMessages.awareness.type, (encoder) => encoding.writeVarUint8Array(encoder, update)));

    expect(room.awareness.getStates().get(clientAwareness.clientID)).toEqual({ user: aliceInAwareness });
    expect(localAwarenessClients(room)).toEqual([clientAwareness.clientID]);
    // Leaving removes the states it controlled.
    expect(leave(room, real)).toBe(true);
    expect(room.awareness.getStates().has(clientAwareness.clientID)).toBe(false);
    expect(leave(room, real)).toBe(false);
    clientAwareness.destroy();
  });

  it('answers a query for awareness with every state, and sends nothing when there is none', () => {
    messages.receive(room, asSocket(conn), message(editorMessages.queryAwareness.type));
    expect(conn.sent).toHaveLength(0);

    const other = new awarenessProtocol.Awareness(new Y.Doc());
    other.setLocalStateField('user', { name: 'Bob' });
    awarenessProtocol.applyAwarenessUpdate(room.awareness, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]), 'test');
    messages.receive(room, asSocket(conn), message(editorMessages.queryAwareness.type));

    expect(conn.sent).toHaveLength(1);
    const decoder = decoding.createDecoder(conn.sent[0]);
    expect(decoding.readVarUint(decoder)).toBe(editorMessages.awareness.type);
    other.destroy();
  });

  it('refuses a message only the server may send (4422), and ignores one of a type nobody knows', () => {
    for (const type of [editorMessages.auth.type, editorMessages.run.type, editorMessages.interview.type]) {
      const refused = (() => {
        try {
          messages.receive(room, asSocket(conn), message(type, (encoder) => encoding.writeVarString(encoder, '{"phase":"finished"}')));
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toBeInstanceOf(WebSocketRefusal);
      expect((refused as WebSocketRefusal).code).toBe(COLLAB_CLOSE_CODES.writeRefused);
    }
    messages.receive(room, asSocket(conn), message(42));

    expect(conn.sent).toHaveLength(0);
    expect(room.doc.getText('code').toString()).toBe('server text');
  });

  it('refuses a released hint from a client (4422): only the server releases one, and nothing is sent or handed on', () => {
    const forged = message(editorMessages.hint.type, (encoder) =>
      encoding.writeVarString(encoder, JSON.stringify({ round: 1, index: 0, text: 'forged', releasedAt: new Date().toISOString() })),
    );
    expect(refusalOf(forged)).toEqual({ code: COLLAB_CLOSE_CODES.writeRefused, reason: 'only the server sends hint messages' });
    expect(conn.sent).toHaveLength(0);
    expect(delivered).toHaveLength(0);
  });

  it('throws on a malformed message (the socket closes it)', () => {
    expect(() => messages.receive(room, asSocket(conn), new Uint8Array())).toThrow();
    expect(() => messages.receive(room, asSocket(conn), new Uint8Array([editorMessages.sync.type, syncProtocol.messageYjsSyncStep1]))).toThrow();
    expect(() => messages.receive(room, asSocket(conn), new Uint8Array([editorMessages.awareness.type, 50]))).toThrow();
  });

  it('greets a new client with the server state vector, then the awareness states', () => {
    const fresh = new FakeSocket();
    greet(room, asSocket(fresh));
    expect(fresh.sent).toHaveLength(1);
    const decoder = decoding.createDecoder(fresh.sent[0]);
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([editorMessages.sync.type, syncProtocol.messageYjsSyncStep1]);

    const other = new awarenessProtocol.Awareness(new Y.Doc());
    other.setLocalStateField('user', { name: 'Bob' });
    awarenessProtocol.applyAwarenessUpdate(room.awareness, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]), 'test');
    const second = new FakeSocket();
    greet(room, asSocket(second));
    expect(second.sent.map((sent) => sent[0])).toEqual([editorMessages.sync.type, editorMessages.awareness.type]);
    other.destroy();
  });
});

describe('sending to clients', () => {
  it('sends nothing to a socket that is not open, and cuts off one whose backlog passed 8 MiB', () => {
    const closing = new FakeSocket();
    closing.readyState = WebSocket.CLOSING;
    send(asSocket(closing), new Uint8Array([1]));
    expect(closing.sent).toHaveLength(0);

    const slow = new FakeSocket();
    slow.bufferedAmount = MAX_BUFFERED_BYTES + 1;
    send(asSocket(slow), new Uint8Array([1]));
    expect(slow.sent).toHaveLength(0);
    expect(slow.terminated).toBe(true);
  });

  it('cuts off a socket whose send failed', () => {
    const failing = new FakeSocket();
    failing.send = (_message, callback) => callback?.(new Error('EPIPE'));
    send(asSocket(failing), new Uint8Array([1]));
    expect(failing.terminated).toBe(true);
  });

  it('broadcasts to every connection of the room but the one the message came from', () => {
    const room = new LiveRoom('room-2');
    const [a, b, c] = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    for (const fake of [a, b, c]) join(room, asSocket(fake), alice);
    broadcast(room, new Uint8Array([7]), b);

    expect([a.sent.length, b.sent.length, c.sent.length]).toEqual([1, 0, 1]);
    room.destroy();
  });

  it('sends a call signal to every connection of the other user, none of the sender\'s', () => {
    const room = new LiveRoom('room-3');
    const bob = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Bob' };
    const [aliceTab1, aliceTab2, bobTab1, bobTab2] = [new FakeSocket(), new FakeSocket(), new FakeSocket(), new FakeSocket()];
    for (const fake of [aliceTab1, aliceTab2]) join(room, asSocket(fake), alice);
    for (const fake of [bobTab1, bobTab2]) join(room, asSocket(fake), bob);
    sendToOthers(room, alice.id, new Uint8Array([102]));

    expect([aliceTab1, aliceTab2, bobTab1, bobTab2].map((fake) => fake.sent.length)).toEqual([0, 0, 1, 1]);
    room.destroy();
  });
});
