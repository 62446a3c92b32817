import {
  CHAT_MESSAGE_MAX_LENGTH,
  COLLAB_CLOSE_CODES,
  ROOM_CALL_SIGNAL_MESSAGE_TYPE,
  ROOM_CHAT_MESSAGE_TYPE,
  ROOM_HINT_MESSAGE_TYPE,
  ROOM_INTERVIEW_MESSAGE_TYPE,
  ROOM_RUN_MESSAGE_TYPE,
  WEBSOCKET_CLOSE_CODES,
  type CallSignalEnvelope,
  type InterviewView,
} from '@peerprep/contracts';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { aResult, aRun } from '../../../test/run-fixtures';
import { encodeCallSignal } from '../calls/call-signals';
import { encodeChatMessage } from './chat';
import { RoomSession } from './room-session';

/** Stands in for the browser's WebSocket under the real y-websocket client. */
class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: unknown) => void) | null = null;
  closed = false;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeWebSocket.instances.push(this);
  }

  send(data: unknown) {
    this.sent.push(data);
  }

  close() {
    this.closed = true;
  }

  /** The server accepted the handshake. */
  open() {
    this.readyState = 1;
    this.onopen?.();
  }

  /** A binary message from the server. */
  receive(data: Uint8Array) {
    this.onmessage?.({ data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) });
  }

  /** The connection dropped (or the handshake was refused: browsers report 1006 for both). */
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

const self = { id: '11111111-1111-4111-8111-111111111111', name: 'Ada', color: '#1d4ed8' };
const peerId = '22222222-2222-4222-8222-222222222222';
const roomId = '33333333-3333-4333-8333-333333333333';

function makeSession(tokens: (string | null)[]) {
  const session = new RoomSession({
    roomId,
    serverUrl: 'ws://gateway.test:3001/api/collab/',
    self,
    getToken: jest.fn(async () => (tokens.length > 1 ? (tokens.shift() ?? null) : tokens[0])),
    protocolsFor: (token) => ['peerprep', `bearer.${token}`],
    WebSocketPolyfill: FakeWebSocket as unknown as typeof WebSocket,
  });
  return session;
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

beforeEach(() => {
  FakeWebSocket.instances = [];
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('RoomSession connection', () => {
  it('opens the room socket with the token in the subprotocols', async () => {
    const session = makeSession(['t1']);
    await session.start();
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeWebSocket.instances[0].url).toBe(`ws://gateway.test:3001/api/collab/${roomId}`);
    expect(FakeWebSocket.instances[0].protocols).toEqual(['peerprep', 'bearer.t1']);
    session.destroy();
  });

  it('reconnects after a drop with a fresh token, and reports reconnecting meanwhile', async () => {
    const session = makeSession(['t1', 't2']);
    await session.start();
    expect(session.getSnapshot().connection).toBe('connecting');
    FakeWebSocket.instances[0].open();
    expect(session.getSnapshot().connection).toBe('connected');

    FakeWebSocket.instances[0].drop();
    await flush();
    expect(session.getSnapshot().connection).toBe('reconnecting');
    jest.advanceTimersByTime(3000);

    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(FakeWebSocket.instances[1].protocols).toEqual(['peerprep', 'bearer.t2']);
    FakeWebSocket.instances[1].open();
    expect(session.getSnapshot().connection).toBe('connected');
    session.destroy();
  });

  it('refreshes the token after a refused handshake too, so an expired token is replaced', async () => {
    const session = makeSession(['expired', 'fresh']);
    await session.start();
    FakeWebSocket.instances[0].drop();
    await flush();
    jest.advanceTimersByTime(3000);
    expect(FakeWebSocket.instances[1].protocols).toEqual(['peerprep', 'bearer.fresh']);
    session.destroy();
  });

  it('asks for a freshly refreshed token when the server closed the socket for a revoked token', async () => {
    const getToken = jest.fn(async (options?: { fresh?: boolean }) => (options?.fresh ? 'refreshed' : 'cached'));
    const session = new RoomSession({
      roomId,
      serverUrl: 'ws://gateway.test:3001/api/collab/',
      self,
      getToken,
      protocolsFor: (token) => ['peerprep', `bearer.${token}`],
      WebSocketPolyfill: FakeWebSocket as unknown as typeof WebSocket,
    });
    await session.start();
    FakeWebSocket.instances[0].open();
    FakeWebSocket.instances[0].drop(WEBSOCKET_CLOSE_CODES.tokenRevoked);
    await flush();
    jest.advanceTimersByTime(3000);
    expect(FakeWebSocket.instances[1].protocols).toEqual(['peerprep', 'bearer.refreshed']);
    session.destroy();
  });

  it('stops on a refusal by close code (too many editor sockets) and reports it, instead of retrying', async () => {
    const session = makeSession(['t1', 't2']);
    await session.start();
    const socket = FakeWebSocket.instances[0];
    socket.open();
    socket.readyState = 3;
    socket.onclose?.({ code: COLLAB_CLOSE_CODES.tooManySockets, reason: 'too many editor connections for this user' });
    await flush();
    jest.advanceTimersByTime(10_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(session.getSnapshot()).toMatchObject({
      connection: 'stopped',
      refused: { code: 4429, reason: 'too many editor connections for this user' },
    });
    session.destroy();
  });

  it('stops when the session is over (no token) instead of retrying forever', async () => {
    const session = makeSession(['t1', null]);
    await session.start();
    FakeWebSocket.instances[0].open();
    FakeWebSocket.instances[0].drop();
    await flush();
    jest.advanceTimersByTime(10_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(session.getSnapshot().connection).toBe('stopped');
    session.destroy();
  });

  it('never opens a socket when destroyed before its token arrived (StrictMode unmount)', async () => {
    const session = makeSession(['t1']);
    const starting = session.start();
    session.destroy();
    await starting;
    jest.advanceTimersByTime(10_000);
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('closes its socket and never reconnects once destroyed', async () => {
    const session = makeSession(['t1']);
    await session.start();
    FakeWebSocket.instances[0].open();
    session.destroy();
    expect(FakeWebSocket.instances[0].closed).toBe(true);
    jest.advanceTimersByTime(10_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});

describe('RoomSession document', () => {
  function remoteDocWith(setup: (doc: Y.Doc) => void): Uint8Array {
    const remote = new Y.Doc();
    setup(remote);
    return Y.encodeStateAsUpdate(remote);
  }

  it('follows the shared language and the end of the session', () => {
    const session = makeSession(['t1']);
    Y.applyUpdate(
      session.doc,
      remoteDocWith((doc) => doc.getMap('meta').set('language', 'python')),
    );
    expect(session.getSnapshot().language).toBe('python');
    session.doc.getMap('meta').set('endedBy', peerId);
    expect(session.getSnapshot().endedBy).toBe(peerId);
    session.destroy();
  });

  it('sends chat text to the server (never into the document), and refuses it offline, too long, or after the end', async () => {
    const session = makeSession(['t1']);
    expect(session.sendChat('hi')).toEqual({ ok: false, reason: 'offline' });
    await session.start();
    const socket = FakeWebSocket.instances[0];
    socket.open();
    const before = socket.sent.length;
    expect(session.sendChat('  hi  ')).toEqual({ ok: true });
    expect(socket.sent.slice(before)).toEqual([encodeChatMessage('hi')]);
    expect(session.doc.getArray('chat').length).toBe(0);
    expect(session.sendChat('x'.repeat(CHAT_MESSAGE_MAX_LENGTH + 1))).toEqual({ ok: false, reason: 'tooLong' });
    session.doc.getMap('meta').set('endedBy', peerId);
    expect(session.sendChat('too late')).toEqual({ ok: false, reason: 'ended' });
    expect(socket.sent.filter((message) => (message as Uint8Array)[0] === ROOM_CHAT_MESSAGE_TYPE)).toEqual([encodeChatMessage('hi')]);
    session.destroy();
  });

  it('does not switch the language before the first sync (the empty document is not "untouched")', () => {
    const session = makeSession(['t1']);
    const starter = { javascript: 'js', typescript: 'ts', python: 'py', java: 'java', cpp: 'cpp' };
    expect(session.setLanguage('java', starter)).toEqual({ changed: false, codeReplaced: false });
    expect(session.doc.getText('code').toString()).toBe('');
    session.destroy();
  });

  it('tracks the peer through awareness: online, then gone but remembered as seen', () => {
    const session = makeSession(['t1']);
    const peerDoc = new Y.Doc();
    const peerAwareness = new Awareness(peerDoc);
    peerAwareness.setLocalStateField('user', { id: peerId, name: 'Bob', color: '#be185d' });
    applyAwarenessUpdate(session.awareness, encodeAwarenessUpdate(peerAwareness, [peerDoc.clientID]), 'remote');

    expect(session.getSnapshot().peers).toEqual([{ clientId: peerDoc.clientID, userId: peerId }]);
    expect(session.getSnapshot().everSeen.has(peerId)).toBe(true);

    removeAwarenessStates(session.awareness, [peerDoc.clientID], 'remote');
    expect(session.getSnapshot().peers).toEqual([]);
    expect(session.getSnapshot().everSeen.has(peerId)).toBe(true);
    peerDoc.destroy();
    session.destroy();
  });

  it('publishes who this client is for the peer’s cursor labels', () => {
    const session = makeSession(['t1']);
    expect(session.awareness.getLocalState()).toEqual({ user: self });
    session.destroy();
  });
});

describe('RoomSession call signals', () => {
  function callMessage(body: unknown): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ROOM_CALL_SIGNAL_MESSAGE_TYPE);
    encoding.writeVarString(encoder, typeof body === 'string' ? body : JSON.stringify(body));
    return encoding.toUint8Array(encoder);
  }

  it('sends a call signal over the room socket (false offline), and hands the partner\'s to the call, knowing whether they are in it', async () => {
    const session = makeSession(['t1']);
    expect(session.sendCallSignal({ kind: 'join', joinId: 'join-ada-0001' })).toBe(false);
    await session.start();
    const socket = FakeWebSocket.instances[0];
    socket.open();
    const before = socket.sent.length;
    expect(session.sendCallSignal({ kind: 'join', joinId: 'join-ada-0001' })).toBe(true);
    expect(socket.sent.slice(before)).toEqual([encodeCallSignal({ kind: 'join', joinId: 'join-ada-0001' })]);

    const received: CallSignalEnvelope[] = [];
    const stop = session.onCallSignal((envelope) => received.push(envelope));
    const join = { from: peerId, signal: { kind: 'join', joinId: 'join-bob-0001' } } as const;
    socket.receive(callMessage(join));
    expect(received).toEqual([join]);
    expect(session.getSnapshot().peerCallJoin).toBe('join-bob-0001');

    // Broken ones are dropped; a hangup of that join says the partner left the call.
    socket.receive(callMessage('not json'));
    socket.receive(callMessage({ from: 'nobody', signal: { kind: 'join', joinId: 'join-bob-0002' } }));
    socket.receive(callMessage({ from: peerId, signal: { kind: 'hangup', joinId: 'join-bob-0001' } }));
    expect(received).toHaveLength(2);
    expect(session.getSnapshot().peerCallJoin).toBeNull();

    stop();
    socket.receive(callMessage(join));
    expect(received).toHaveLength(2);
    session.destroy();
  });
});

describe('RoomSession runs', () => {
  function runMessage(body: string): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ROOM_RUN_MESSAGE_TYPE);
    encoding.writeVarString(encoder, body);
    return encoding.toUint8Array(encoder);
  }

  it('upserts each run the server sends on the editor socket, and never answers it', async () => {
    const session = makeSession(['t1']);
    await session.start();
    const socket = FakeWebSocket.instances[0];
    socket.open();
    const sentBefore = socket.sent.length;
    const queued = aRun({ phase: 'queued' });
    socket.receive(runMessage(JSON.stringify(queued)));
    expect(session.getSnapshot().runs).toEqual([queued]);
    socket.receive(runMessage(JSON.stringify({ ...queued, phase: 'done', result: aResult() })));
    expect(session.getSnapshot().runs.map((run) => run.phase)).toEqual(['done']);
    expect(socket.sent.length).toBe(sentBefore);
    session.destroy();
  });

  it('ignores a run message that breaks the contract', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const session = makeSession(['t1']);
    await session.start();
    FakeWebSocket.instances[0].open();
    FakeWebSocket.instances[0].receive(runMessage('{"id":"nope"}'));
    FakeWebSocket.instances[0].receive(runMessage('not json'));
    expect(session.getSnapshot().runs).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
    session.destroy();
  });

  it('counts connections, so the page fetches the runs again after each reconnect', async () => {
    const session = makeSession(['t1', 't2']);
    await session.start();
    expect(session.getSnapshot().connections).toBe(0);
    FakeWebSocket.instances[0].open();
    expect(session.getSnapshot().connections).toBe(1);
    FakeWebSocket.instances[0].drop();
    await flush();
    jest.advanceTimersByTime(3000);
    FakeWebSocket.instances[1].open();
    expect(session.getSnapshot().connections).toBe(2);
    session.destroy();
  });

  it('merges a fetched list with what the socket already brought', () => {
    const session = makeSession(['t1']);
    const done = aRun({ phase: 'done', result: aResult() });
    session.receiveRuns([done]);
    session.receiveRuns([{ ...done, phase: 'running', result: null }, aRun({ createdAt: '2026-12-04T09:00:00.000Z' })]);
    expect(session.getSnapshot().runs.map((run) => run.phase)).toEqual(['done', 'queued']);
    session.destroy();
  });
});

describe('RoomSession start with a token in hand', () => {
  it('connects at once with it', () => {
    FakeWebSocket.instances = [];
    const session = makeSession(['unused']);
    void session.start('given');
    expect(FakeWebSocket.instances[0].protocols).toEqual(['peerprep', 'bearer.given']);
    session.destroy();
  });
});

describe('RoomSession mock interview', () => {
  function serverMessage(type: number, body: unknown): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    encoding.writeVarString(encoder, typeof body === 'string' ? body : JSON.stringify(body));
    return encoding.toUint8Array(encoder);
  }

  const roundOne = (serverNow: string): InterviewView => ({
    mode: 'interview',
    phase: 'round1',
    currentRound: { index: 1, interviewerId: self.id, candidateId: peerId, startedAt: '2026-01-01T10:00:00.000Z', endsAt: '2026-01-01T10:15:00.000Z' },
    rounds: [],
    warningSeconds: 300,
    serverNow,
  });
  const finished = (serverNow: string): InterviewView => ({ ...roundOne(serverNow), phase: 'finished', currentRound: null });

  it('keeps the newest interview view by the server clock, from pushes and fetches alike', async () => {
    const session = makeSession(['t1']);
    await session.start();
    const socket = FakeWebSocket.instances[0];
    socket.open();
    const sentBefore = socket.sent.length;
    socket.receive(serverMessage(ROOM_INTERVIEW_MESSAGE_TYPE, roundOne('2026-01-01T10:00:01.000Z')));
    expect(session.getSnapshot().interview?.phase).toBe('round1');
    // A GET answer written before that push arrives late: it does not take the room back.
    session.receiveInterview({ ...roundOne('2026-01-01T09:59:59.000Z'), phase: 'waiting', currentRound: null });
    expect(session.getSnapshot().interview?.phase).toBe('round1');
    expect(socket.sent.length).toBe(sentBefore);
    session.destroy();
  });

  it('collects released hints once each, and ignores malformed interview or hint messages', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const session = makeSession(['t1']);
    await session.start();
    const socket = FakeWebSocket.instances[0];
    socket.open();
    const hint = { round: 1, index: 0, text: 'Try a hash map', releasedAt: '2026-01-01T10:02:00.000Z' };
    socket.receive(serverMessage(ROOM_HINT_MESSAGE_TYPE, hint));
    session.receiveHints([hint]);
    expect(session.getSnapshot().hints).toEqual([hint]);
    socket.receive(serverMessage(ROOM_HINT_MESSAGE_TYPE, { round: 1, index: 0 }));
    socket.receive(serverMessage(ROOM_INTERVIEW_MESSAGE_TYPE, 'not json'));
    expect(session.getSnapshot().hints).toEqual([hint]);
    expect(session.getSnapshot().interview).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    session.destroy();
  });

  it("reads the document's round and round two's language, and switches only the round being written", () => {
    const session = makeSession(['t1']);
    const starter = { javascript: 'js', typescript: 'ts', python: 'py', java: 'java', cpp: 'cpp' };
    const remote = new Y.Doc();
    remote.transact(() => {
      remote.getMap('meta').set('language', 'python');
      remote.getMap('meta').set('round', 2);
      remote.getMap('meta').set('round2Language', 'python');
      remote.getText('code').insert(0, 'def mine(): pass');
      remote.getText('round2Code').insert(0, 'py');
    });
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(remote));
    session['update']({ synced: true });
    expect(session.getSnapshot()).toMatchObject({ documentRound: 2, language: 'python', round2Language: 'python' });
    // Round one is over: its language is the server's to keep.
    expect(session.setLanguage('java', starter, 1)).toEqual({ changed: false, codeReplaced: false });
    expect(session.setLanguage('java', starter, 2)).toEqual({ changed: true, codeReplaced: true });
    expect(session.doc.getText('round2Code').toString()).toBe('java');
    expect(session.doc.getText('code').toString()).toBe('def mine(): pass');
    expect(session.getSnapshot()).toMatchObject({ language: 'python', round2Language: 'java' });
    session.destroy();
  });

  it('refuses chat and stops reconnecting once the interview is over (which names nobody in endedBy)', async () => {
    const session = makeSession(['t1', 't2']);
    await session.start();
    const socket = FakeWebSocket.instances[0];
    socket.open();
    socket.receive(serverMessage(ROOM_INTERVIEW_MESSAGE_TYPE, finished('2026-01-01T10:30:00.000Z')));
    expect(session.getSnapshot().endedBy).toBeNull();
    expect(session.sendChat('gg')).toEqual({ ok: false, reason: 'ended' });
    socket.drop(1000);
    await flush();
    expect(session.getSnapshot().connection).toBe('stopped');
    jest.advanceTimersByTime(5000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    session.destroy();
  });
});
