import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { authenticateUpgrade, chooseWebSocketProtocol, rejectUpgrade, rejectUpgradeForError, type TokenVerifier } from '@peerprep/auth';
import { COLLAB_CLOSE_CODES, collabRoomParamsSchema } from '@peerprep/contracts';
import { DomainError, ForbiddenError, NotFoundError, type Logger } from '@peerprep/service-kit';
import { WebSocketServer } from 'ws';
import type { RoomsService } from '../rooms/rooms.service';
import type { LiveRooms } from './live-rooms';

/** y-websocket clients connect to `<serverUrl>/<roomname>`: here `/api/collab/<roomId>`. */
export const COLLAB_PATH_PREFIX = '/api/collab/';

// Far above any real edit (question code is capped at 20 000 characters), far below harm.
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

export interface CollabSocketDeps {
  verifier: TokenVerifier;
  roomsService: RoomsService;
  liveRooms: LiveRooms;
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
export function createCollabSocket({ verifier, roomsService, liveRooms, logger }: CollabSocketDeps) {
  const wss = new WebSocketServer({
    noServer: true,
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
      room = await roomsService.participantRoom(user, roomId);
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
    // Until the socket is a WebSocket (ws drops a socket that died meanwhile
    // without calling back), its close is what releases the room; from then on
    // the WebSocket's is. The listener goes, so an open socket carries none of ours.
    const releaseUnopened = () => liveRooms.release(live);
    socket.once('close', releaseUnopened);
    wss.handleUpgrade(req, socket, head, (conn) => {
      socket.removeListener('close', releaseUnopened);
      liveRooms.connect(live, conn);
    });
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
