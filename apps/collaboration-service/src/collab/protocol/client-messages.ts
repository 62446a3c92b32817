import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { LiveRoom } from '../live-room';
import { sendAwareness } from './clients';
import { editorMessages, type ClientMessageName } from './messages';
import { send } from './send';

/** Handles the rest of one message (its type already read) from `conn`. */
type ClientMessageHandler = (room: LiveRoom, conn: WebSocket, decoder: decoding.Decoder) => void;

/**
 * What the server does with each message a client sends. One per replica
 * (it counts the writes it dropped); the handlers are shared by every room
 * and socket.
 */
export function createClientMessages() {
  let droppedWrites = 0;

  const handlers: { [K in ClientMessageName]: ClientMessageHandler } = {
    sync(room, conn, decoder) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // Answered with step 2: what the client's state vector lacks.
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, editorMessages.sync.type);
        syncProtocol.readSyncStep1(decoder, encoder, room.doc);
        send(conn, encoding.toUint8Array(encoder));
      } else if (room.readOnly) {
        droppedWrites += 1;
      } else if (syncType === syncProtocol.messageYjsSyncStep2) {
        syncProtocol.readSyncStep2(decoder, room.doc, conn);
      } else if (syncType === syncProtocol.messageYjsUpdate) {
        syncProtocol.readUpdate(decoder, room.doc, conn);
      }
    },
    awareness(room, conn, decoder) {
      awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), conn);
    },
    queryAwareness(room, conn) {
      sendAwareness(room, conn);
    },
  };

  // By message type: what a client may not send (only the server may, or
  // nobody knows it) has no entry and is ignored.
  const byType: (ClientMessageHandler | undefined)[] = [];
  for (const name of Object.keys(handlers) as ClientMessageName[]) byType[editorMessages[name].type] = handlers[name];

  return {
    /**
     * Handles one message from a client of the room. Throws on a malformed
     * message (the socket closes it with 1007).
     */
    receive(room: LiveRoom, conn: WebSocket, data: Uint8Array): void {
      const decoder = decoding.createDecoder(data);
      const handle = byType[decoding.readVarUint(decoder)];
      if (handle !== undefined) handle(room, conn, decoder);
    },

    /** Client writes dropped because their room was closed. */
    get droppedWrites(): number {
      return droppedWrites;
    },
  };
}

export type ClientMessages = ReturnType<typeof createClientMessages>;
