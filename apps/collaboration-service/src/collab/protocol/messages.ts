import {
  ROOM_CALL_SIGNAL_MESSAGE_TYPE,
  ROOM_CHAT_MESSAGE_TYPE,
  ROOM_HINT_MESSAGE_TYPE,
  ROOM_INTERVIEW_MESSAGE_TYPE,
  ROOM_RUN_MESSAGE_TYPE,
} from '@peerprep/contracts';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * Every message of the editor channel (the y-websocket protocol, with
 * y-websocket's own numbering) and who may send it. This table is the one
 * place that says so:
 *
 * - `client`: only clients send it; the server handles it (client-messages.ts).
 * - `both`: clients send it and so does the server.
 * - `server`: only the server may send it; a client that sends one is
 *   claiming to be the server and is closed with 4422 (a type nobody knows is
 *   ignored: a newer client's). client-messages.ts must handle every message
 *   a client may send, and cannot handle one only the server may (its handler
 *   table is typed from this one).
 *
 * A new message only the server may send: an entry here with
 * `from: 'server'` and a number no y-websocket message uses, an encoder
 * below, and a `send`/`broadcast` (send.ts) of it where it happens (the
 * server's own actions on a room are in ../live-rooms.ts).
 */
export const editorMessages = {
  /**
   * y-protocols sync: step 1 (a state vector), step 2 (what it lacked),
   * update. Writes are checked first (update-guard.ts) and dropped in a
   * read-only room.
   */
  sync: { type: 0, from: 'both' },
  /** Awareness states: cursors, names, a client leaving; each client's own only (awareness-guard.ts). */
  awareness: { type: 1, from: 'both' },
  /** y-websocket's auth message (permission denied). Not sent by this server: refusals are close codes (COLLAB_CLOSE_CODES). */
  auth: { type: 2, from: 'server' },
  /** "Send me every awareness state": answered with one awareness message. */
  queryAwareness: { type: 3, from: 'client' },
  /** A Run or Submit of the room (a RunView as JSON) when it starts, progresses and ends (contracts' ROOM_RUN_MESSAGE_TYPE). */
  run: { type: ROOM_RUN_MESSAGE_TYPE, from: 'server' },
  /**
   * A chat line's text (contracts' ROOM_CHAT_MESSAGE_TYPE): the server stamps
   * it with the connection's user and the time and appends it to the chat.
   */
  chat: { type: ROOM_CHAT_MESSAGE_TYPE, from: 'client' },
  /**
   * A call signal (contracts' ROOM_CALL_SIGNAL_MESSAGE_TYPE): a client sends a
   * `CallSignal`; the server stamps it with the connection's user and sends the
   * `CallSignalEnvelope` to the other participant's sockets only. Never stored.
   */
  callSignal: { type: ROOM_CALL_SIGNAL_MESSAGE_TYPE, from: 'both' },
  /**
   * A mock interview's `InterviewView` as JSON (contracts'
   * ROOM_INTERVIEW_MESSAGE_TYPE), to both peers on every change of the rounds
   * and every connection.
   */
  interview: { type: ROOM_INTERVIEW_MESSAGE_TYPE, from: 'server' },
  /**
   * A hint the round's interviewer released (contracts' ROOM_HINT_MESSAGE_TYPE,
   * a ReleasedHint as JSON), for both peers.
   */
  hint: { type: ROOM_HINT_MESSAGE_TYPE, from: 'server' },
} as const satisfies Record<string, { type: number; from: 'client' | 'server' | 'both' }>;

type EditorMessages = typeof editorMessages;

/** The messages a client may send: client-messages.ts has one handler for each. */
export type ClientMessageName = {
  [K in keyof EditorMessages]: EditorMessages[K]['from'] extends 'server' ? never : K;
}[keyof EditorMessages];

/** The sync step 1 the server opens every connection with: its state vector (the client answers with what the server lacks). */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, editorMessages.sync.type);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** A document update for clients (one of them made it, another replica did, or the server). */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, editorMessages.sync.type);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update (from `awarenessProtocol.encodeAwarenessUpdate`) for clients. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, editorMessages.awareness.type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The awareness states of the given clients, as one awareness message. */
export function encodeAwarenessStates(awareness: awarenessProtocol.Awareness, clientIds: number[]): Uint8Array {
  return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds));
}

/** A run of the room for its clients: the RunView as a JSON string. */
export function encodeRunMessage(runJson: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, editorMessages.run.type);
  encoding.writeVarString(encoder, runJson);
  return encoding.toUint8Array(encoder);
}

/** A call signal for the other participant: the `CallSignalEnvelope` as a JSON string. */
export function encodeCallSignalMessage(envelopeJson: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, editorMessages.callSignal.type);
  encoding.writeVarString(encoder, envelopeJson);
  return encoding.toUint8Array(encoder);
}

/** A mock interview's state for both peers: the `InterviewView` as a JSON string. */
export function encodeInterviewMessage(viewJson: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, editorMessages.interview.type);
  encoding.writeVarString(encoder, viewJson);

  return encoding.toUint8Array(encoder);
}

/** A released hint for both peers: the ReleasedHint as a JSON string. */
export function encodeHintMessage(hintJson: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, editorMessages.hint.type);
  encoding.writeVarString(encoder, hintJson);

  return encoding.toUint8Array(encoder);
}
