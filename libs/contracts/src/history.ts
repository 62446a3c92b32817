import { z } from 'zod';
import { idSchema, isoDateTimeSchema, languageSchema, paginated, paginationQuerySchema } from './common';
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
});
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

/** `GET /history/:id` (only for someone who took part): the final code and chat, read-only. */
export const attemptDetailSchema = attemptSummarySchema.extend({
  finalCode: z.string(),
  chat: z.array(chatMessageSchema),
  /** Every Run and Submit of the room, by either peer, newest first. */
  runs: z.array(runViewSchema),
});
export type AttemptDetail = z.infer<typeof attemptDetailSchema>;

export const listHistoryQuerySchema = paginationQuerySchema;
export type ListHistoryQuery = z.infer<typeof listHistoryQuerySchema>;

export const historyPageSchema = paginated(attemptSummarySchema);
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const attemptIdParamsSchema = z.object({ id: idSchema });
export type AttemptIdParams = z.infer<typeof attemptIdParamsSchema>;
