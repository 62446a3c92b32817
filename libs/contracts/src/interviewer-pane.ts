import { z } from 'zod';
import { idSchema, isoDateTimeSchema, pathInteger } from './common';
import { interviewRoundParamsSchema } from './interview';
import { INTERVIEW_NOTES_MAX_LENGTH } from './constants';
import { referenceSolutionsSchema } from './questions';
import { rubricSchema } from './rubric';

export { INTERVIEW_NOTES_MAX_LENGTH, INTERVIEW_NOTES_EDITABLE_HOURS } from './constants';

/*
 * The interviewer's pane of a mock-interview round (issue #18 item 4): the
 * round question's hints, reference solutions and rubric, and the
 * interviewer's private notes. Only that round's interviewer reads any of it;
 * a hint stops being secret when the interviewer releases it, and then both
 * peers get its text.
 */

/** Hints per question: question-service accepts at most 10 (questionInputSchema). */
const HINT_INDEX_MAX = 9;


/** `POST /rooms/:id/interview/rounds/:round/hints/:index/release`: `index` counts from 0, in the question's order. */
export const hintReleaseParamsSchema = interviewRoundParamsSchema.extend({
  index: pathInteger(0, HINT_INDEX_MAX),
});
export type HintReleaseParams = z.infer<typeof hintReleaseParamsSchema>;

/** A hint the interviewer released: no longer secret, both peers see it (its text as it was when released). */
export const releasedHintSchema = z.object({
  round: z.number().int().min(1).max(2),
  index: z.number().int().min(0).max(HINT_INDEX_MAX),
  text: z.string(),
  releasedAt: isoDateTimeSchema,
});
export type ReleasedHint = z.infer<typeof releasedHintSchema>;

/** `GET /rooms/:id/interview/hints` (both participants): every released hint, by round, then index. */
export const releasedHintsSchema = z.object({ items: z.array(releasedHintSchema) });
export type ReleasedHints = z.infer<typeof releasedHintsSchema>;

/** One hint in the interviewer's pane: its text, and whether (and when) it was released. */
export const paneHintSchema = z.object({
  index: z.number().int().min(0).max(HINT_INDEX_MAX),
  text: z.string(),
  released: z.boolean(),
  releasedAt: isoDateTimeSchema.nullable(),
});
export type PaneHint = z.infer<typeof paneHintSchema>;

/** The interviewer's private notes on one round: only their author ever reads them. */
export const interviewerNotesSchema = z.object({
  round: z.number().int().min(1).max(2),
  text: z.string(),
  updatedAt: isoDateTimeSchema,
});
export type InterviewerNotes = z.infer<typeof interviewerNotesSchema>;

/**
 * `GET /rooms/:id/interview/rounds/:round/material`: for that round's
 * interviewer only, once the round has started (running or ended). Never
 * cached by a browser or a proxy (`Cache-Control: no-store`).
 */
export const interviewerPaneSchema = z.object({
  round: z.number().int().min(1).max(2),
  questionId: idSchema,
  /** In the order they are released (in order: the next one is the first not released). */
  hints: z.array(paneHintSchema),
  referenceSolutions: referenceSolutionsSchema,
  rubric: rubricSchema,
  /** Null until the interviewer writes some. */
  notes: interviewerNotesSchema.nullable(),
});
export type InterviewerPane = z.infer<typeof interviewerPaneSchema>;

/**
 * `PUT /rooms/:id/interview/rounds/:round/notes`: replaces the notes (an empty
 * text clears them). Writable by the round's interviewer from the round's
 * start until INTERVIEW_NOTES_EDITABLE_HOURS after the room closed.
 */
export const putInterviewerNotesRequestSchema = z.strictObject({
  text: z.string().max(INTERVIEW_NOTES_MAX_LENGTH),
});
export type PutInterviewerNotesRequest = z.infer<typeof putInterviewerNotesRequestSchema>;

/**
 * The editor WebSocket's server-only message carrying a released hint (a
 * `ReleasedHint` as a JSON string, lib0 `writeVarString`) to both peers of
 * the room, on every replica (the Redis fan-out's `relay`). A client that
 * sends it is closed with COLLAB_CLOSE_CODES.writeRefused (4422): only the
 * server releases a hint. y-websocket uses 0–3, runs 100, chat 101, calls 102.
 */
export const ROOM_HINT_MESSAGE_TYPE = 104;
