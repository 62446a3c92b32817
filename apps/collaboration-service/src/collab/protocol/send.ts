import { WebSocket } from 'ws';
import type { LiveRoom } from '../live-room';

// A client that stops reading is cut off before its backlog eats the heap.
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** How every message reaches a client: not at all on a socket that is not open, and never past an 8 MiB backlog. */
export function send(conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== WebSocket.OPEN) return;
  if (conn.bufferedAmount > MAX_BUFFERED_BYTES) {
    conn.terminate();
    return;
  }
  conn.send(message, (error) => {
    if (error) conn.terminate();
  });
}

/** Sends to every connection of the room here but `except` (the one the message came from). */
export function broadcast(room: LiveRoom, message: Uint8Array, except?: unknown): void {
  for (const conn of room.conns.keys()) if (conn !== except) send(conn, message);
}
