import { z } from 'zod';
import { idSchema, isoDateTimeSchema, languageSchema } from './common';
import { sessionLengthSchema, sessionModeSchema } from './matching';
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
 * interviewer's material (hints, reference solutions, rubric). The picker
 * hands all of them to the room's service; parsing with this schema drops
 * them before the room is stored or shown, so a room shows none of them to
 * anyone (an interviewer's pane asks for them on its own).
 */
export const roomQuestionSchema = questionSchema.omit({ testCases: true, hints: true, referenceSolutions: true, rubric: true });
export type RoomQuestion = z.infer<typeof roomQuestionSchema>;

/** `GET /rooms/:id` (participants only) and the answer of `POST /rooms/:id/end`. */
export const roomViewSchema = z.object({
  id: idSchema,
  matchId: idSchema,
  question: roomQuestionSchema,
  participants: z.array(participantSchema).length(2),
  language: languageSchema,
  /** What the two agreed at match time: a mock interview or pair practice. */
  mode: sessionModeSchema,
  /** The mock interview's whole length (the shorter of the two requests); pair practice has no clock. */
  minutes: sessionLengthSchema,
  status: roomStatusSchema,
  createdAt: isoDateTimeSchema,
  closedAt: isoDateTimeSchema.nullable(),
  /** Who ended the session; null while open or when the system closed it. */
  closedBy: idSchema.nullable(),
  /**
   * A mock interview's second question (round two's), as `question` is round
   * one's: null until round two starts (round one's interviewer is round
   * two's candidate), absent in pair practice.
   */
  secondQuestion: roomQuestionSchema.nullable().optional(),
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
  /**
   * In a mock interview's attempt: the round the line was written in (1 or 2,
   * from the server's stamp `sentAt` and round two's start; lines written
   * before round one started count as round one's). Absent in the live
   * document and in pair practice: the chat is one stream.
   */
  round: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * Names of the shared types in a room's Yjs document. Frontend and
 * collaboration-service must agree on them, or the server would save an empty
 * document as the final code.
 */
export const roomDocument = {
  /** Y.Text: the code being written (in a mock interview, round one's). */
  code: 'code',
  /**
   * Y.Text: round two's code in a mock interview, a fresh editor. Written
   * first by the server when round two starts (question two's starter code in
   * round one's final language), never earlier: its starter code would show
   * question two to round one's interviewer. Absent in pair rooms.
   */
  round2Code: 'round2Code',
  /** Y.Map: shared settings, keys below. */
  meta: 'meta',
  /** Y.Array of ChatMessage. */
  chat: 'chat',
  metaKeys: {
    /** A Language (in a mock interview, round one's). */
    language: 'language',
    /** A Language: round two's, set by the server when round two starts; clients switch it during round two. */
    round2Language: 'round2Language',
    /**
     * Mock interviews only, **the server's only**: the round whose code
     * clients may write now, 1 or 2, or 0 for none (waiting for both peers,
     * or over). The server refuses a client's write to a round's code or
     * language outside that round (COLLAB_CLOSE_CODES.writeRefused); both
     * rounds' code stay readable. Absent in pair rooms (the code is always
     * writable there).
     */
    round: 'round',
    /**
     * Set (to the user id) when the session has been ended. Written by the
     * server only: a client update that touches any meta key but `language`
     * is refused (the socket is closed with COLLAB_CLOSE_CODES.writeRefused).
     */
    endedBy: 'endedBy',
  },
} as const;

/**
 * Where each round of a mock interview writes its code and language in the
 * room's document: round one keeps the room's `code` and `language` (a pair
 * room uses the same), round two has its own.
 */
export const interviewRoundDocument = {
  1: { code: roomDocument.code, language: roomDocument.metaKeys.language },
  2: { code: roomDocument.round2Code, language: roomDocument.metaKeys.round2Language },
} as const;

/**
 * What a room's document may hold. The server refuses (closes the sender's
 * socket with the code named) a client update that would pass a limit, so
 * nothing a participant sends grows memory or the database without bound.
 */
export const ROOM_LIMITS = {
  /** Characters of `code` (COLLAB_CLOSE_CODES.documentTooLarge); the same bound as a run's code. */
  codeMaxLength: 65_536,
  /** Bytes of the whole encoded document, edit history included (COLLAB_CLOSE_CODES.documentTooLarge). */
  documentMaxBytes: 8 * 1024 * 1024,
  /** Lines in the chat; the server refuses the next (COLLAB_CLOSE_CODES.chatRefused). */
  chatMaxMessages: 500,
  /** Characters of one awareness name (a display name is at most 50). */
  awarenessNameMaxLength: 50,
  /** Bytes of one client's awareness state as JSON (its name, colour and cursor). */
  awarenessStateMaxBytes: 2048,
} as const;

/**
 * The editor WebSocket's client-only message carrying one chat line: the text
 * alone (lib0 `writeVarString`). The chat array is written by the server only:
 * it stamps the line with an id, the connection's user and the time, and
 * appends it to the document, from where every client reads it. A client
 * update that writes the chat array itself is refused.
 */
export const ROOM_CHAT_MESSAGE_TYPE = 101;

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
  /**
   * The client sent more messages than the channel's rate allows (a burst,
   * then so many a second). The editor stops (4400–4499) and shows the
   * reason with "reload the page".
   */
  rateLimited: 4430,
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
  /** Too many messages from this socket; see WEBSOCKET_CLOSE_CODES. */
  rateLimited: WEBSOCKET_CLOSE_CODES.rateLimited,
  /**
   * A document update the server does not take: it writes server-owned state
   * (`meta` keys other than `language`, the chat array), an unknown shared
   * type, or nested types; or an awareness update for a client id another
   * connection owns, or whose state is not this user's or too big.
   */
  writeRefused: 4422,
  /** The update would make the code longer than ROOM_LIMITS.codeMaxLength, or the document bigger than its bytes. */
  documentTooLarge: 4413,
  /** A chat line that is blank, too long (CHAT_MESSAGE_MAX_LENGTH), or past ROOM_LIMITS.chatMaxMessages. */
  chatRefused: 4409,
} as const;

/** What each client puts in its awareness state (`awareness.setLocalStateField('user', ...)`). */
export const awarenessUserSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** A CSS colour, the same for this participant in both browsers. */
  color: z.string(),
});
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;
