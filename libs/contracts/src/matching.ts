import { z } from 'zod';
import { difficultySchema, idSchema, isoDateTimeSchema, languageSchema } from './common';
import {
  MATCH_TOPICS_MAX,
  SESSION_LENGTH_DEFAULT_MINUTES,
  SESSION_LENGTHS_MINUTES,
  SESSION_MODE_DEFAULT,
  SESSION_MODES,
} from './constants';
import { topicSlugSchema } from './questions';

export {
  MATCH_TOPICS_MAX,
  SESSION_LENGTH_DEFAULT_MINUTES,
  SESSION_LENGTHS_MINUTES,
  SESSION_MODE_DEFAULT,
  SESSION_MODES,
} from './constants';

/** `interview` (mock interview) or `pair` (pair practice); only requests of the same mode pair. */
export const sessionModeSchema = z.enum(SESSION_MODES);
export type SessionMode = z.infer<typeof sessionModeSchema>;

/**
 * A mock interview's whole length in minutes: 30, 45 or 60. An enum of
 * numbers (keyed `m30`...: zod reads numeric keys as a TypeScript enum's
 * reverse mapping), not `z.literal([...])`, which zod-to-openapi renders with
 * its first value only.
 */
export const sessionLengthSchema = z.enum(
  Object.fromEntries(SESSION_LENGTHS_MINUTES.map((minutes) => [`m${minutes}`, minutes])) as Record<
    string,
    (typeof SESSION_LENGTHS_MINUTES)[number]
  >,
);
export type SessionLength = z.infer<typeof sessionLengthSchema>;

/**
 * What a user asks to be matched on; two requests match on mode, difficulty
 * and a shared topic. Lengths may differ: the session gets the shorter.
 */
export const matchCriteriaSchema = z.object({
  mode: sessionModeSchema,
  minutes: sessionLengthSchema,
  difficulty: difficultySchema,
  topics: z
    .array(topicSlugSchema)
    .min(1, 'Pick at least one topic')
    .max(MATCH_TOPICS_MAX)
    .refine((topics) => new Set(topics).size === topics.length, { message: 'Topics must be distinct' }),
  language: languageSchema,
  /** After the strict window, accept a peer on a shared topic at any difficulty. */
  allowRelaxed: z.boolean(),
});
export type MatchCriteria = z.infer<typeof matchCriteriaSchema>;

/** `POST /match/requests`. Strict, and the user comes from the token, never the body. */
export const createMatchRequestSchema = z.strictObject({
  ...matchCriteriaSchema.shape,
  mode: sessionModeSchema.default(SESSION_MODE_DEFAULT),
  minutes: sessionLengthSchema.default(SESSION_LENGTH_DEFAULT_MINUTES),
  allowRelaxed: z.boolean().default(false),
});
export type CreateMatchRequest = z.infer<typeof createMatchRequestSchema>;

/** Someone you are matched with, as far as matching knows them (from the token). */
export const matchPeerSchema = z.object({ id: idSchema, displayName: z.string() });
export type MatchPeer = z.infer<typeof matchPeerSchema>;

export const ACTIVE_MATCH_STATUSES = ['queued', 'relaxed', 'matched'] as const;

/**
 * `POST /match/requests` (201) and `GET /match/requests/current` (404 when
 * there is none). Deadlines are absolute instants so a reload resumes the
 * countdown where it was.
 */
export const matchRequestViewSchema = z.object({
  requestId: idSchema,
  status: z.enum(ACTIVE_MATCH_STATUSES),
  criteria: matchCriteriaSchema,
  createdAt: isoDateTimeSchema,
  /** End of the strict window (same difficulty). */
  strictDeadline: isoDateTimeSchema,
  /** When the request times out: the strict deadline, or the end of the relaxed window. */
  deadline: isoDateTimeSchema,
  /**
   * Set once matched, with the agreed mode and length (the shorter of the
   * two); `roomId` stays null while the room is being created.
   */
  match: z
    .object({
      matchId: idSchema,
      peer: matchPeerSchema,
      mode: sessionModeSchema,
      minutes: sessionLengthSchema,
      roomId: idSchema.nullable(),
    })
    .nullable(),
});
export type MatchRequestView = z.infer<typeof matchRequestViewSchema>;

/*
 * Live status (match/events): one JSON message per change, discriminated by
 * `status`. `deadline` is when the current phase ends.
 */
export const matchQueuedMessageSchema = z.object({
  status: z.literal('queued'),
  requestId: idSchema,
  deadline: isoDateTimeSchema,
});
export const matchRelaxedMessageSchema = z.object({
  status: z.literal('relaxed'),
  requestId: idSchema,
  deadline: isoDateTimeSchema,
});
/** Sent when paired (roomId null: room pending) and again once the room exists. */
export const matchMatchedMessageSchema = z.object({
  status: z.literal('matched'),
  requestId: idSchema,
  matchId: idSchema,
  peer: matchPeerSchema,
  difficulty: difficultySchema,
  topics: z.array(topicSlugSchema).min(1),
  language: languageSchema,
  mode: sessionModeSchema,
  /** The shorter of the two requested lengths. */
  minutes: sessionLengthSchema,
  roomId: idSchema.nullable(),
});
export const matchTimedOutMessageSchema = z.object({
  status: z.literal('timed_out'),
  requestId: idSchema,
  message: z.string(),
});
export const matchCancelledMessageSchema = z.object({
  status: z.literal('cancelled'),
  requestId: idSchema,
  /** `user`: cancelled on request; `disconnected`: the status channel dropped while waiting. */
  reason: z.enum(['user', 'disconnected']),
});
export const MATCH_ERROR_CODES = ['no_question', 'room_failed', 'unauthorized', 'internal'] as const;
/** A failure after pairing (e.g. no question fits both) or of the channel itself. */
export const matchErrorMessageSchema = z.object({
  status: z.literal('error'),
  requestId: idSchema.nullable(),
  code: z.enum(MATCH_ERROR_CODES),
  message: z.string(),
});

export const matchStatusMessageSchema = z.discriminatedUnion('status', [
  matchQueuedMessageSchema,
  matchRelaxedMessageSchema,
  matchMatchedMessageSchema,
  matchTimedOutMessageSchema,
  matchCancelledMessageSchema,
  matchErrorMessageSchema,
]);
export type MatchStatusMessage = z.infer<typeof matchStatusMessageSchema>;
export type MatchStatus = MatchStatusMessage['status'];
