import { randomUUID } from 'node:crypto';
import {
  CALL_SIGNAL_MAX_BYTES,
  callSignalSchema,
  CHAT_MESSAGE_MAX_LENGTH,
  COLLAB_CLOSE_CODES,
  roomDocument,
  ROOM_LIMITS,
  type CallSignalEnvelope,
  type ChatMessage,
} from '@peerprep/contracts';
import { WebSocketRefusal } from '@peerprep/service-kit';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { EditorUser, LiveRoom } from '../live-room';
import { checkAwarenessUpdate, readAwarenessEntries, type AwarenessEntry } from './awareness-guard';
import { sendAwareness, SERVER_ORIGIN, userOf } from './clients';
import { encodeCallSignalMessage, editorMessages, type ClientMessageName } from './messages';
import { send } from './send';
import { checkClientUpdate, DOCUMENT_LIMITS, type DocumentLimits } from './update-guard';

/** Sends a stamped call signal (an editor message) to the other participant's sockets, here and on the other replicas. */
export type CallSignalDelivery = (room: LiveRoom, from: EditorUser, message: Uint8Array) => void;

/** Handles the rest of one message (its type already read) from `conn` of `user`. */
type ClientMessageHandler = (room: LiveRoom, conn: WebSocket, user: EditorUser, decoder: decoding.Decoder) => void;

/** The user ids owning each awareness client id of the room: this replica's connections, then the states other replicas sent. */
function awarenessOwner(room: LiveRoom, clientId: number): string | undefined {
  for (const [conn, owned] of room.conns) if (owned.has(clientId)) return userOf(conn)?.id;
  const state = room.awareness.getStates().get(clientId) as { user?: { id?: unknown } } | undefined;
  return typeof state?.user?.id === 'string' ? state.user.id : undefined;
}

/** Whether y-protocols applies the entry to the room's awareness (see AwarenessOwnership.changes). */
function awarenessEntryChanges(room: LiveRoom, { clientId, clock, state }: AwarenessEntry): boolean {
  const current = room.awareness.meta.get(clientId);
  if (current === undefined) return true;
  return current.clock < clock || (current.clock === clock && state === null && room.awareness.states.has(clientId));
}

/**
 * The call signal in a client's message (the JSON after its type), stamped
 * with its sender, or why it is refused: not JSON, or not a `CallSignal`.
 */
export function stampCallSignal(user: EditorUser, json: string): CallSignalEnvelope | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return 'a call signal is JSON';
  }
  const signal = callSignalSchema.safeParse(parsed);
  if (!signal.success) return `a call signal is a CallSignal (${signal.error.issues[0]?.path.join('.') || 'kind'}: ${signal.error.issues[0]?.message})`;
  return { from: user.id, signal: signal.data };
}

/** A chat line of `user` with `text`, or why it is refused. */
export function chatLine(room: LiveRoom, user: EditorUser, text: string, now: Date = new Date()): ChatMessage | string {
  const trimmed = text.trim();
  if (trimmed === '') return 'a chat message is not blank';
  if (trimmed.length > CHAT_MESSAGE_MAX_LENGTH) return `a chat message is at most ${CHAT_MESSAGE_MAX_LENGTH} characters`;
  if (room.doc.getArray(roomDocument.chat).length >= ROOM_LIMITS.chatMaxMessages) return `the chat is full (${ROOM_LIMITS.chatMaxMessages} messages)`;
  return { id: randomUUID().replaceAll('-', ''), authorId: user.id, authorName: user.displayName, text: trimmed, sentAt: now.toISOString() };
}

/**
 * What the server does with each message a client sends. One per replica
 * (it counts the writes it dropped); the handlers are shared by every room
 * and socket. What a client may write is checked before anything is applied
 * (update-guard.ts, awareness-guard.ts): a refusal throws a WebSocketRefusal
 * and the editor hub closes the socket with its code.
 */
export function createClientMessages(deliverCallSignal: CallSignalDelivery, limits: DocumentLimits = DOCUMENT_LIMITS) {
  let droppedWrites = 0;

  function applyClientUpdate(room: LiveRoom, conn: WebSocket, update: Uint8Array): void {
    const verdict = checkClientUpdate(room.doc, update, room.documentBytes, limits);
    if (!verdict.ok) throw new WebSocketRefusal(verdict.code, verdict.reason);
    Y.applyUpdate(room.doc, update, conn);
  }

  const handlers: { [K in ClientMessageName]: ClientMessageHandler } = {
    sync(room, conn, _user, decoder) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // Answered with step 2: what the client's state vector lacks.
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, editorMessages.sync.type);
        syncProtocol.readSyncStep1(decoder, encoder, room.doc);
        send(conn, encoding.toUint8Array(encoder));
      } else if (room.readOnly) {
        droppedWrites += 1;
      } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        // Step 2 and an update carry the same thing: an update to apply.
        applyClientUpdate(room, conn, decoding.readVarUint8Array(decoder));
      }
    },
    awareness(room, conn, user, decoder) {
      const update = decoding.readVarUint8Array(decoder);
      const entries = readAwarenessEntries(update);
      const owned = room.conns.get(conn) ?? new Set<number>();
      const changes = (entry: AwarenessEntry) => awarenessEntryChanges(room, entry);
      const verdict = checkAwarenessUpdate(entries, { userId: user.id, owned, ownerOf: (clientId) => awarenessOwner(room, clientId), changes });
      if (!verdict.ok) throw new WebSocketRefusal(verdict.code, verdict.reason);
      // A client id another connection of this user held (a reload before the old socket was found dead) is this one's now.
      for (const entry of entries) {
        const { clientId, state } = entry;
        if (state === null || owned.has(clientId) || !changes(entry)) continue;
        for (const other of room.conns.values()) other.delete(clientId);
        owned.add(clientId);
      }
      awarenessProtocol.applyAwarenessUpdate(room.awareness, update, conn);
    },
    queryAwareness(room, conn) {
      sendAwareness(room, conn);
    },
    chat(room, _conn, user, decoder) {
      const text = decoding.readVarString(decoder);
      if (room.readOnly) {
        droppedWrites += 1;
        return;
      }
      const line = chatLine(room, user, text);
      if (typeof line === 'string') throw new WebSocketRefusal(COLLAB_CLOSE_CODES.chatRefused, line);
      if (room.documentBytes + Buffer.byteLength(JSON.stringify(line)) > limits.documentMaxBytes) {
        throw new WebSocketRefusal(COLLAB_CLOSE_CODES.documentTooLarge, 'the room\'s document is full');
      }
      // The server's own write: sent to every client, the sender included.
      room.doc.transact(() => room.doc.getArray<ChatMessage>(roomDocument.chat).push([line]), SERVER_ORIGIN);
    },
    callSignal(room, _conn, user, decoder) {
      // The whole message's size, checked before its text is decoded.
      if (decoder.arr.byteLength > CALL_SIGNAL_MAX_BYTES) {
        throw new WebSocketRefusal(COLLAB_CLOSE_CODES.writeRefused, `a call signal is at most ${CALL_SIGNAL_MAX_BYTES} bytes`);
      }
      const envelope = stampCallSignal(user, decoding.readVarString(decoder));
      if (typeof envelope === 'string') throw new WebSocketRefusal(COLLAB_CLOSE_CODES.writeRefused, envelope);
      // The call ends with the session: nothing more to negotiate.
      if (room.readOnly) {
        droppedWrites += 1;
        return;
      }
      deliverCallSignal(room, user, encodeCallSignalMessage(JSON.stringify(envelope)));
    },
  };

  // By message type. One only the server sends (a run, the interview's
  // state, a released hint) is refused: a client sending it is forging
  // server state (a hint sent by a client would show as the interviewer's
  // word). One nobody knows has no entry and is ignored.
  const byType: (ClientMessageHandler | undefined)[] = [];
  for (const [name, { type, from }] of Object.entries(editorMessages)) {
    if (from === 'server') {
      byType[type] = () => {
        throw new WebSocketRefusal(COLLAB_CLOSE_CODES.writeRefused, `only the server sends ${name} messages`);
      };
    }
  }
  for (const name of Object.keys(handlers) as ClientMessageName[]) byType[editorMessages[name].type] = handlers[name];

  return {
    /**
     * Handles one message from a client of the room. Throws on a malformed
     * message (the socket closes it with 1007), and a WebSocketRefusal for
     * one the server does not take (the socket is closed with its code).
     */
    receive(room: LiveRoom, conn: WebSocket, data: Uint8Array): void {
      const user = userOf(conn);
      if (!user) return;
      const decoder = decoding.createDecoder(data);
      const handle = byType[decoding.readVarUint(decoder)];
      if (handle !== undefined) handle(room, conn, user, decoder);
    },
    /** Client writes dropped because their room was closed. */
    get droppedWrites(): number {
      return droppedWrites;
    },
  };
}

export type ClientMessages = ReturnType<typeof createClientMessages>;
