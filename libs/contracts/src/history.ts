import { z } from 'zod';
import { idSchema, isoDateTimeSchema, languageSchema, paginated, paginationQuerySchema } from './common';
import { interviewRoleSchema, roundEndReasonSchema, roundIndexSchema } from './interview';
import { sessionModeSchema } from './matching';
import { questionRefSchema } from './questions';
import { chatMessageSchema, participantSchema } from './rooms';
import { runViewSchema, runSummarySchema } from './runs';

/** One row of `GET /history` (own attempts only, newest first). */
export const attemptSummarySchema = z.object({
  id: idSchema,
  roomId: idSchema,
  /** A snapshot: still readable after the question is edited or deleted. */
  question: questionRefSchema,
  partner: participantSchema,
  language: languageSchema,
  startedAt: isoDateTimeSchema,
  endedAt: isoDateTimeSchema,
  durationSeconds: z.number().int().nonnegative(),
  /** The room's last Submit by either peer, if any. */
  lastSubmission: runSummarySchema.nullable(),
  /** A mock interview or pair practice (absent: an attempt saved before modes, pair practice). */
  mode: sessionModeSchema.optional(),
});
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

/**
 * One round of a mock interview as its attempt keeps it: the question, who
 * the attempt's owner was (`role`; the partner was the other), when it ran and
 * why it ended, the code and language it ended with, and its runs (newest
 * first). A round two that never started (the session ended during round
 * one) is kept too, with `startedAt` null, its question, and round two's
 * empty code.
 */
export const attemptRoundSchema = z.object({
  index: roundIndexSchema,
  question: questionRefSchema,
  role: interviewRoleSchema,
  startedAt: isoDateTimeSchema.nullable(),
  endedAt: isoDateTimeSchema.nullable(),
  endReason: roundEndReasonSchema.nullable(),
  language: languageSchema,
  finalCode: z.string(),
  runs: z.array(runViewSchema),
});
export type AttemptRound = z.infer<typeof attemptRoundSchema>;

/** `GET /history/:id` (only for someone who took part): the final code and chat, read-only. */
export const attemptDetailSchema = attemptSummarySchema.extend({
  finalCode: z.string(),
  chat: z.array(chatMessageSchema),
  /** Every Run and Submit of the room, by either peer, newest first. */
  runs: z.array(runViewSchema),
  /**
   * A mock interview's two rounds, in order (round one's code and language
   * are also `finalCode` and `language`); absent or empty for pair practice.
   * Each chat line then names its round.
   */
  rounds: z.array(attemptRoundSchema).max(2).optional(),
});
export type AttemptDetail = z.infer<typeof attemptDetailSchema>;

export const listHistoryQuerySchema = paginationQuerySchema;
export type ListHistoryQuery = z.infer<typeof listHistoryQuerySchema>;

export const historyPageSchema = paginated(attemptSummarySchema);
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const attemptIdParamsSchema = z.object({ id: idSchema });
export type AttemptIdParams = z.infer<typeof attemptIdParamsSchema>;
