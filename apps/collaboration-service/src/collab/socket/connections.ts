import type { Logger } from '@peerprep/service-kit';
import type { WebSocket } from 'ws';
import type { LiveRoom } from '../live-room';

export interface ConnectionsOptions {
  /** A message from a client of the room; throws on a malformed one. */
  onMessage(room: LiveRoom, conn: WebSocket, data: Uint8Array): void;
  /** The socket closed (emitted once). */
  onClose(room: LiveRoom, conn: WebSocket): void;
  logger: Logger;
}

/**
 * The open editor sockets' listeners. Thousands of sockets stay open for
 * hours: every socket shares the same listeners (no closures of its own; its
 * room is in a WeakMap), and 'close' (emitted once) needs no once-wrapper.
 */
export function createConnections({ onMessage, onClose, logger }: ConnectionsOptions) {
  /** The room of each open socket. */
  const roomOf = new WeakMap<WebSocket, LiveRoom>();

  function onSocketMessage(this: WebSocket, data: Buffer): void {
    const room = roomOf.get(this);
    if (!room) return;
    try {
      onMessage(room, this, data);
    } catch (error) {
      logger.warn({ err: error, roomId: room.id }, 'a malformed editor message closed its connection');
      this.close(1007, 'malformed message');
    }
  }

  function onSocketClose(this: WebSocket): void {
    const room = roomOf.get(this);
    if (room) onClose(room, this);
  }

  function onSocketError(error: Error): void {
    logger.debug({ err: error }, 'editor socket error');
  }

  return {
    /** Listens to an open socket of the room. */
    attach(room: LiveRoom, conn: WebSocket): void {
      roomOf.set(conn, room);
      conn.on('error', onSocketError);
      conn.on('message', onSocketMessage);
      conn.on('close', onSocketClose);
    },
  };
}

/** Shutdown: closes every socket with 1012 (service restarting: clients reconnect, to another replica); a second at most. */
export async function closeForRestart(conns: WebSocket[]): Promise<void> {
  await Promise.all(
    conns.map(
      (conn) =>
        new Promise<void>((resolve) => {
          conn.once('close', () => resolve());
          conn.close(1012, 'service restarting');
          setTimeout(() => {
            conn.terminate();
            resolve();
          }, 1_000).unref();
        }),
    ),
  );
}
