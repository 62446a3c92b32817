import { webSocketAuthentication, type AuthenticatedUser, type TokenVerifier } from '@peerprep/auth';
import { COLLAB_CLOSE_CODES, collabRoomParamsSchema } from '@peerprep/contracts';
import { createWebSocketHub, ForbiddenError, NotFoundError, WebSocketRefusal, type Logger } from '@peerprep/service-kit';
import type { Registry } from 'prom-client';
import type { WebSocket } from 'ws';
import type { EditorUser, LiveRoom } from '../live-room';

/** y-websocket clients connect to `<serverUrl>/<roomname>`: here `/api/collab/<roomId>`. */
export const COLLAB_PATH_PREFIX = '/api/collab/';

// Far above any real edit (question code is capped at 20 000 characters), far below harm.
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/**
 * Messages an editor client may send: typing sends an update and a cursor
 * move per key, dragging a selection a cursor move per frame (y-monaco, about
 * 60 a second); a burst of 300 and 100 a second are far above both, and a
 * flood past them is closed with 4430.
 */
export const EDITOR_MESSAGE_RATE = { perSecond: 100, burst: 300 } as const;

/** Defaults of the config's COLLAB_HEARTBEAT_MS and COLLAB_MAX_SOCKETS_PER_USER. */
export const EDITOR_SOCKET_DEFAULTS = { heartbeatMs: 30_000, maxSocketsPerUser: 16 } as const;

/** Who may open a room's editor: the rooms' owner answers (injected by app.ts). */
export interface EditorAdmission {
  /** The room, for one of its participants; NotFoundError (4404) or ForbiddenError (4403) otherwise. */
  participantRoom(user: AuthenticatedUser, roomId: string): Promise<{ status: 'OPEN' | 'CLOSED' }>;
}

/** What the endpoint needs of the live editor (../live-rooms.ts). */
export interface EditorRooms {
  acquire(roomId: string, options: { readOnly: boolean }): Promise<LiveRoom>;
  release(room: LiveRoom): void;
  /** Serves the room on a socket of `user` that just opened. */
  connect(room: LiveRoom, conn: WebSocket, user: EditorUser): void;
  /**
   * A message from a client of the room; throws on a malformed one (the
   * socket is closed with 1007), and a WebSocketRefusal for one the room
   * does not take (closed with its code: COLLAB_CLOSE_CODES).
   */
  receive(room: LiveRoom, conn: WebSocket, data: Uint8Array): void;
  /** The socket closed. */
  disconnect(room: LiveRoom, conn: WebSocket): void;
  /** Shutdown, once every socket is closed: write what is pending, free every room. */
  closeAll(): Promise<void>;
}

export interface CollabSocketDeps {
  verifier: TokenVerifier;
  admission: EditorAdmission;
  liveRooms: EditorRooms;
  logger: Logger;
  /** The service's registry (`channel="editor"` metrics). */
  registry?: Registry;
  /** Every socket is pinged this often (COLLAB_HEARTBEAT_MS); one that did not answer the previous ping is cut off. */
  heartbeatMs?: number;
  /** Editor sockets per user on this replica (COLLAB_MAX_SOCKETS_PER_USER); one more is closed with 4429. */
  maxSocketsPerUser?: number;
}

/**
 * The editor endpoint, on the service kit's WebSocket hub (channel `editor`).
 * Everything is checked before a single byte of the document is sent. A
 * missing, bad or expired token is refused on the HTTP upgrade (401: the
 * client retries with a fresh token). Refusals no retry can fix (not a
 * participant, no such room, malformed id) open the socket only to close it
 * at once with a 44xx code (COLLAB_CLOSE_CODES), on which the official client
 * stops reconnecting instead of retrying forever.
 */
export function createCollabSocket({ verifier, admission, liveRooms, logger, registry, ...limits }: CollabSocketDeps) {
  const hub = createWebSocketHub({
    name: 'editor',
    logger,
    registry,
    ...webSocketAuthentication(verifier),
    route(path) {
      if (!path.startsWith(COLLAB_PATH_PREFIX)) return undefined;
      const params = collabRoomParamsSchema.safeParse({ roomId: path.slice(COLLAB_PATH_PREFIX.length) });
      if (!params.success) throw new WebSocketRefusal(COLLAB_CLOSE_CODES.badRequest, 'roomId must be a UUID');
      return params.data.roomId;
    },
    async admit(user, roomId) {
      let room;
      try {
        room = await admission.participantRoom(user, roomId);
      } catch (error) {
        if (error instanceof NotFoundError) throw new WebSocketRefusal(COLLAB_CLOSE_CODES.notFound, 'no such room');
        if (error instanceof ForbiddenError) throw new WebSocketRefusal(COLLAB_CLOSE_CODES.forbidden, 'not a participant of this room');
        throw error;
      }
      const live = await liveRooms.acquire(roomId, { readOnly: room.status === 'CLOSED' });
      // The connection's user, from its token: the author of its chat lines and the owner of its awareness.
      return { live, user: { id: user.id, displayName: user.displayName } };
    },
    abandon: ({ live }) => liveRooms.release(live),
    onOpen: (conn, { live, user }) => liveRooms.connect(live, conn, user),
    onMessage: (conn, data, { live }) => liveRooms.receive(live, conn, data),
    onClose: (conn, { live }) => liveRooms.disconnect(live, conn),
    maxPayload: MAX_MESSAGE_BYTES,
    maxSocketsPerUser: limits.maxSocketsPerUser ?? EDITOR_SOCKET_DEFAULTS.maxSocketsPerUser,
    messageRate: EDITOR_MESSAGE_RATE,
    // Pings go out 64 at a time (the hub's default batch), so pinging thousands of sockets never holds up edits.
    heartbeat: { intervalMs: limits.heartbeatMs ?? EDITOR_SOCKET_DEFAULTS.heartbeatMs },
    // Service restarting: clients reconnect, to another replica.
    shutdownClose: { code: 1012, reason: 'service restarting' },
  });

  return {
    handleUpgrade: hub.handleUpgrade,
    closeWhere: hub.closeWhere,

    /** Shutdown: refuse new sockets, close the open ones (1012), then write what is pending and free every room. */
    async closeAll(): Promise<void> {
      await hub.closeAll();
      await liveRooms.closeAll();
    },
  };
}
