import { z } from 'zod';
import { difficultySchema, idSchema, isoDateTimeSchema, languageSchema } from '../common';
import { executionResultSchema } from '../executions';
import { matchCriteriaSchema, sessionLengthSchema, sessionModeSchema } from '../matching';
import { topicSlugSchema } from '../questions';

/*
 * Payloads of the domain events. A breaking change to one of these means a
 * new version number in the catalog, not an edit in place.
 */

export const userDeletedPayloadSchema = z.object({ userId: idSchema });
export type UserDeletedPayload = z.infer<typeof userDeletedPayloadSchema>;

/** Enough for consumers (matching's topic availability) to react without calling back. */
export const questionChangedPayloadSchema = z.object({
  questionId: idSchema,
  slug: z.string(),
  title: z.string(),
  difficulty: difficultySchema,
  topics: z.array(topicSlugSchema),
});
export type QuestionChangedPayload = z.infer<typeof questionChangedPayloadSchema>;

export const questionDeletedPayloadSchema = z.object({
  questionId: idSchema,
  slug: z.string(),
  difficulty: difficultySchema,
  topics: z.array(topicSlugSchema),
});
export type QuestionDeletedPayload = z.infer<typeof questionDeletedPayloadSchema>;

/** One side of a match: who, which of their requests, and what they asked for. */
export const matchedUserSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  requestId: idSchema,
  // Events written before modes existed (the outbox may hold some at deploy) asked for today's room.
  criteria: matchCriteriaSchema.extend({
    mode: sessionModeSchema.default('pair'),
    minutes: sessionLengthSchema.default(45),
  }),
  requestedAt: isoDateTimeSchema,
});
export type MatchedUser = z.infer<typeof matchedUserSchema>;

const distinctUsers = [
  (users: ReadonlyArray<{ userId: string }>) => new Set(users.map((user) => user.userId)).size === users.length,
  { message: 'A user cannot be paired with themself' },
] as const;

export const matchFoundPayloadSchema = z.object({
  matchId: idSchema,
  users: z.tuple([matchedUserSchema, matchedUserSchema]).refine(...distinctUsers),
  /** The agreed difficulty; in a relaxed match, the one matching chose between the two. */
  difficulty: difficultySchema,
  /** The topics both asked for (at least one). */
  topics: z.array(topicSlugSchema).min(1),
  language: languageSchema,
  /** Both asked for it. Events written before modes existed (the outbox may hold some at deploy) were pair practice. */
  mode: sessionModeSchema.default('pair'),
  /** The shorter of the two requested lengths (a mock interview's whole length). */
  minutes: sessionLengthSchema.default(45),
  /** True when the pair was made in the relaxed window (difficulties may differ). */
  relaxed: z.boolean(),
  matchedAt: isoDateTimeSchema,
});
export type MatchFoundPayload = z.infer<typeof matchFoundPayloadSchema>;

export const roomUserSchema = z.object({ userId: idSchema, displayName: z.string() });
export type RoomUser = z.infer<typeof roomUserSchema>;

export const roomCreatedPayloadSchema = z.object({
  roomId: idSchema,
  matchId: idSchema,
  users: z.tuple([roomUserSchema, roomUserSchema]).refine(...distinctUsers),
  questionId: idSchema,
  language: languageSchema,
  /** False when the question had already been attempted by one of them (the fallback). */
  questionIsFresh: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type RoomCreatedPayload = z.infer<typeof roomCreatedPayloadSchema>;

export const ROOM_FAILURE_REASONS = ['no_question', 'question_service_unavailable', 'internal'] as const;

/** The "no room" outcome of a match, so both users are told instead of waiting forever. */
export const roomFailedPayloadSchema = z.object({
  matchId: idSchema,
  users: z.tuple([roomUserSchema, roomUserSchema]).refine(...distinctUsers),
  reason: z.enum(ROOM_FAILURE_REASONS),
  message: z.string(),
  failedAt: isoDateTimeSchema,
});
export type RoomFailedPayload = z.infer<typeof roomFailedPayloadSchema>;

/** A room closed; matching uses it to allow the two users to request again. */
export const roomClosedPayloadSchema = z.object({
  roomId: idSchema,
  matchId: idSchema,
  /** The participants who still have an account (one, if the other deleted theirs). */
  userIds: z.array(idSchema).min(1).max(2),
  /** Null when the system closed the room. */
  closedBy: idSchema.nullable(),
  closedAt: isoDateTimeSchema,
});
export type RoomClosedPayload = z.infer<typeof roomClosedPayloadSchema>;

/** A user blocked a peer after a session: matching never pairs the two again (either way round). */
export const peerBlockedPayloadSchema = z.object({
  blockerId: idSchema,
  blockedId: idSchema,
  roomId: idSchema.nullable(),
  blockedAt: isoDateTimeSchema,
});
export type PeerBlockedPayload = z.infer<typeof peerBlockedPayloadSchema>;

/** One per participant when a session ends; the seed of "questions neither peer has seen". */
export const attemptSavedPayloadSchema = z.object({
  attemptId: idSchema,
  roomId: idSchema,
  userId: idSchema,
  partnerId: idSchema.nullable(),
  questionId: idSchema,
  language: languageSchema,
  startedAt: isoDateTimeSchema,
  endedAt: isoDateTimeSchema,
  durationSeconds: z.number().int().nonnegative(),
});
export type AttemptSavedPayload = z.infer<typeof attemptSavedPayloadSchema>;

/**
 * execution-service took a run's job and reached a phase: compiling, or running
 * test `testIndex` (0-based) of `testCount`. `seq` grows with every event of
 * one run (from 1), so a consumer never moves a run backwards when two arrive
 * out of order; a redelivered job starts again from 1 with a higher `attempt`.
 */
export const executionProgressedPayloadSchema = z.object({
  runId: idSchema,
  attempt: z.number().int().positive(),
  seq: z.number().int().positive(),
  phase: z.enum(['compiling', 'running']),
  testIndex: z.number().int().nonnegative().nullable(),
  testCount: z.number().int().nonnegative(),
});
export type ExecutionProgressedPayload = z.infer<typeof executionProgressedPayloadSchema>;

/**
 * A run ended: `done` with the result (hidden tests already reduced to their
 * verdict), or `failed` when the platform could not run it (the job died with
 * its replica twice, or could not be read).
 */
export const executionFinishedPayloadSchema = z.discriminatedUnion('outcome', [
  z.object({ runId: idSchema, outcome: z.literal('done'), result: executionResultSchema, finishedAt: isoDateTimeSchema }),
  z.object({ runId: idSchema, outcome: z.literal('failed'), error: z.string(), finishedAt: isoDateTimeSchema }),
]);
export type ExecutionFinishedPayload = z.infer<typeof executionFinishedPayloadSchema>;
