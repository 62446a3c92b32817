import { z } from 'zod';
import { idSchema, isoDateTimeSchema, languageSchema } from './common';
import { questionSchema } from './questions';

export const ROOM_STATUSES = ['OPEN', 'CLOSED'] as const;
export const roomStatusSchema = z.enum(ROOM_STATUSES);
export type RoomStatus = z.infer<typeof roomStatusSchema>;

/**
 * A user in a room or an attempt. `id` is null once that user deleted their
 * account (their name is then replaced by an anonymous one).
 */
export const participantSchema = z.object({
  id: idSchema.nullable(),
  displayName: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;

/**
 * The question as shown in a room: everything but the test cases and the
 * reference solutions (the picker hands both to the room's service; parsing
 * with this schema drops them before the room is stored or shown).
 */
export const roomQuestionSchema = questionSchema.omit({ testCases: true, referenceSolutions: true });
export type RoomQuestion = z.infer<typeof roomQuestionSchema>;

/** `GET /rooms/:id` (participants only) and the answer of `POST /rooms/:id/end`. */
export const roomViewSchema = z.object({
  id: idSchema,
  matchId: idSchema,
  question: roomQuestionSchema,
  participants: z.array(participantSchema).length(2),
  language: languageSchema,
  status: roomStatusSchema,
  createdAt: isoDateTimeSchema,
  closedAt: isoDateTimeSchema.nullable(),
  /** Who ended the session; null while open or when the system closed it. */
  closedBy: idSchema.nullable(),
});
export type RoomView = z.infer<typeof roomViewSchema>;

export const roomIdParamsSchema = z.object({ id: idSchema });
export type RoomIdParams = z.infer<typeof roomIdParamsSchema>;

/** Path parameter of the editor WebSocket `collab/:roomId`. */
export const collabRoomParamsSchema = z.object({ roomId: idSchema });
export type CollabRoomParams = z.infer<typeof collabRoomParamsSchema>;

export const CHAT_MESSAGE_MAX_LENGTH = 2000;

/** One chat line, stored in the room's Yjs document and copied into each attempt. */
export const chatMessageSchema = z.object({
  id: z.string().min(1).max(64),
  authorId: idSchema.nullable(),
  authorName: z.string(),
  text: z.string().trim().min(1).max(CHAT_MESSAGE_MAX_LENGTH),
  sentAt: isoDateTimeSchema,
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * Names of the shared types in a room's Yjs document. Frontend and
 * collaboration-service must agree on them, or the server would save an empty
 * document as the final code.
 */
export const roomDocument = {
  /** Y.Text: the code being written. */
  code: 'code',
  /** Y.Map: shared settings, keys below. */
  meta: 'meta',
  /** Y.Array of ChatMessage. */
  chat: 'chat',
  metaKeys: {
    /** A Language. */
    language: 'language',
    /** Set (to the user id) when the session has been ended. */
    endedBy: 'endedBy',
  },
} as const;

/**
 * Close codes that every PeerPrep WebSocket (the editor, `/api/collab/<roomId>`,
 * and the match status, `/api/match/events`) may send; the service kit's
 * WebSocket hub sends them. The socket is opened only to be closed at once, so
 * the browser sees the code (a refused HTTP handshake shows it nothing).
 */
export const WEBSOCKET_CLOSE_CODES = {
  /**
   * The user already holds as many sockets of this channel on this replica as
   * allowed (a cap per user and replica: say, a tab opened too many times).
   * Closing another tab frees a place: the match status page keeps retrying
   * with backoff; the editor stops (y-websocket does on 4400–4499) and shows
   * the reason with "reload the page".
   */
  tooManySockets: 4429,
  /**
   * The socket's access token expired (closed at the next heartbeat after its
   * exp): reconnect with a fresh token. The editor client retries on it.
   */
  tokenExpired: 4401,
  /**
   * The socket's access token was revoked (sign-out, password or role change,
   * account deletion). Outside 4400–4499, so clients reconnect with a fresh
   * token, which only a still-valid session gets.
   */
  tokenRevoked: 4001,
} as const;

/**
 * Close codes of the editor WebSocket for refusals that retrying cannot fix.
 * The official y-websocket client stops reconnecting on 4400-4499. (A bad or
 * expired token is refused with HTTP 401 instead: a fresh token fixes it.)
 */
export const COLLAB_CLOSE_CODES = {
  /** The room id is not a UUID. */
  badRequest: 4400,
  /** Signed in, but not one of the room's two participants. */
  forbidden: 4403,
  /** No such room. */
  notFound: 4404,
  /** Too many editor sockets of this user on this replica (`COLLAB_MAX_SOCKETS_PER_USER`); see WEBSOCKET_CLOSE_CODES. */
  tooManySockets: WEBSOCKET_CLOSE_CODES.tooManySockets,
} as const;

/** What each client puts in its awareness state (`awareness.setLocalStateField('user', ...)`). */
export const awarenessUserSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** A CSS colour, the same for this participant in both browsers. */
  color: z.string(),
});
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;
