import { sendToSocket, WEBSOCKET_HUB_DEFAULTS } from '@peerprep/service-kit';
import type { WebSocket } from 'ws';
import type { LiveRoom } from '../live-room';

// A client that stops reading is cut off before its backlog eats the heap
// (the editor's hub, socket/collab-socket.ts, keeps the kit's default bound).
export const MAX_BUFFERED_BYTES = WEBSOCKET_HUB_DEFAULTS.maxBufferedBytes;

/** How every message reaches a client: not at all on a socket that is not open, and never past an 8 MiB backlog. */
export const send: (conn: WebSocket, message: Uint8Array) => void = sendToSocket;

/** Sends to every connection of the room here but `except` (the one the message came from). */
export function broadcast(room: LiveRoom, message: Uint8Array, except?: unknown): void {
  for (const conn of room.conns.keys()) if (conn !== except) send(conn, message);
}
