import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  authenticateUpgrade,
  chooseWebSocketProtocol,
  rejectUpgrade,
  rejectUpgradeForError,
  type AuthenticatedUser,
  type TokenVerifier,
} from '@peerprep/auth';
import { COLLAB_CLOSE_CODES, collabRoomParamsSchema } from '@peerprep/contracts';
import { DomainError, ForbiddenError, NotFoundError, type Logger } from '@peerprep/service-kit';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LiveRoom } from '../live-room';

/** y-websocket clients connect to `<serverUrl>/<roomname>`: here `/api/collab/<roomId>`. */
export const COLLAB_PATH_PREFIX = '/api/collab/';

// Far above any real edit (question code is capped at 20 000 characters), far below harm.
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Who may open a room's editor: the rooms' owner answers (injected by app.ts). */
export interface EditorAdmission {
  /** The room, for one of its participants; NotFoundError (4404) or ForbiddenError (4403) otherwise. */
  participantRoom(user: AuthenticatedUser, roomId: string): Promise<{ status: 'OPEN' | 'CLOSED' }>;
}

/** What the endpoint needs of the live editor (../live-rooms.ts). */
export interface EditorRooms {
  acquire(roomId: string, options: { readOnly: boolean }): Promise<LiveRoom>;
  release(room: LiveRoom): void;
  connect(room: LiveRoom, conn: WebSocket): void;
  closeAll(): Promise<void>;
}

export interface CollabSocketDeps {
  verifier: TokenVerifier;
  admission: EditorAdmission;
  liveRooms: EditorRooms;
  logger: Logger;
}

/**
 * The editor endpoint. Everything is checked before a single byte of the
 * document is sent. A missing, bad or expired token is refused on the HTTP
 * upgrade (401: the client retries with a fresh token). Refusals no retry can
 * fix (not a participant, no such room, malformed id) open the socket only to
 * close it at once with a 44xx code (COLLAB_CLOSE_CODES), on which the
 * official client stops reconnecting instead of retrying forever.
 */
export function createCollabSocket({ verifier, admission, liveRooms, logger }: CollabSocketDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    // The rooms know their sockets (and close them on shutdown): no second
    // set of every client, nor a listener of ws's on each.
    clientTracking: false,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => chooseWebSocketProtocol(protocols),
  });
  let closing = false;

  function closeFinally(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    wss.handleUpgrade(req, socket, head, (conn) => conn.close(code, reason));
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, roomId: string): Promise<void> {
    const user = await authenticateUpgrade(verifier, req);
    let room;
    try {
      room = await admission.participantRoom(user, roomId);
    } catch (error) {
      if (error instanceof NotFoundError) return closeFinally(req, socket, head, COLLAB_CLOSE_CODES.notFound, 'no such room');
      if (error instanceof ForbiddenError) {
        return closeFinally(req, socket, head, COLLAB_CLOSE_CODES.forbidden, 'not a participant of this room');
      }
      throw error;
    }
    const live = await liveRooms.acquire(roomId, { readOnly: room.status === 'CLOSED' });
    if (socket.destroyed || closing) {
      liveRooms.release(live);
      if (!socket.destroyed) rejectUpgrade(socket, 503);
      return;
    }
    // With no verifyClient, ws calls back before handleUpgrade returns, or
    // never: it refused the handshake, or found the socket dead, and destroyed
    // it. Either way this knows at once whether the room is held by a
    // WebSocket, and a socket carries no listener of ours while it waits.
    let opened = false;
    wss.handleUpgrade(req, socket, head, (conn) => {
      opened = true;
      liveRooms.connect(live, conn);
    });
    if (!opened) liveRooms.release(live);
  }

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      const path = (req.url ?? '/').split('?')[0];
      if (!path.startsWith(COLLAB_PATH_PREFIX)) {
        rejectUpgrade(socket, 404);
        return;
      }
      const params = collabRoomParamsSchema.safeParse({ roomId: path.slice(COLLAB_PATH_PREFIX.length) });
      if (!params.success) {
        closeFinally(req, socket, head, COLLAB_CLOSE_CODES.badRequest, 'roomId must be a UUID');
        return;
      }
      if (closing) {
        rejectUpgrade(socket, 503);
        return;
      }
      upgrade(req, socket, head, params.data.roomId).catch((error: unknown) => {
        if (!(error instanceof DomainError)) logger.error({ err: error }, 'editor upgrade failed');
        rejectUpgradeForError(socket, error);
      });
    },

    /** Shutdown: refuse new sockets, close the open ones, write what is pending. */
    async closeAll(): Promise<void> {
      closing = true;
      await liveRooms.closeAll();
    },
  };
}
