import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
import { FEEDBACK_COMMENT_MAX_LENGTH, FEEDBACK_SCORE_MAX, FEEDBACK_SCORE_MIN } from './constants';
import { rubricSchema } from './rubric';

export { FEEDBACK_COMMENT_MAX_LENGTH, FEEDBACK_SCORE_MAX, FEEDBACK_SCORE_MIN, FEEDBACK_VISIBLE_AFTER_HOURS } from './constants';

/*
 * Feedback after a mock interview (issue #18 item 6): once the room has
 * closed, each peer rates the other as a candidate (the round in which the
 * other answered) on that round's question rubric, and may block the peer.
 */

export const feedbackScoreSchema = z.number().int().min(FEEDBACK_SCORE_MIN).max(FEEDBACK_SCORE_MAX);

/**
 * `POST /rooms/:id/feedback`: a score for every criterion of the rubric, by
 * its id (a missing, unknown or out-of-range one is a 400 naming
 * `scores.<criterion id>`), and a comment that may be empty.
 */
export const submitFeedbackRequestSchema = z.strictObject({
  scores: z.record(z.string().min(1).max(40), feedbackScoreSchema),
  comment: z.string().max(FEEDBACK_COMMENT_MAX_LENGTH),
});
export type SubmitFeedbackRequest = z.infer<typeof submitFeedbackRequestSchema>;

/** One criterion's score, with the criterion's title as it was when the feedback was given. */
export const criterionScoreSchema = z.object({
  criterionId: z.string(),
  title: z.string(),
  score: feedbackScoreSchema,
});
export type CriterionScore = z.infer<typeof criterionScoreSchema>;

/** Feedback on the candidate of one round. */
export const feedbackViewSchema = z.object({
  round: z.number().int().min(1).max(2),
  questionId: idSchema,
  /** In the rubric's order. */
  scores: z.array(criterionScoreSchema),
  comment: z.string(),
  submittedAt: isoDateTimeSchema,
});
export type FeedbackView = z.infer<typeof feedbackViewSchema>;

/** What the caller is to rate: the round in which the other peer was the candidate, and its rubric. */
export const feedbackToRateSchema = z.object({
  round: z.number().int().min(1).max(2),
  questionId: idSchema,
  rubric: rubricSchema,
});
export type FeedbackToRate = z.infer<typeof feedbackToRateSchema>;

/**
 * `GET /rooms/:id/feedback` (participants of a mock interview). `received`
 * is shown only once both peers have given theirs, or FEEDBACK_VISIBLE_AFTER_HOURS
 * after the room closed (the server's clock), never before: until then it is
 * null and `receivedVisibleAt` says when it will be shown at the latest
 * (whether the peer has given any is not told). `receivedVisibleAt` is null
 * while the room is open and once nothing is hidden.
 */
export const roomFeedbackSchema = z.object({
  given: feedbackViewSchema.nullable(),
  received: feedbackViewSchema.nullable(),
  receivedVisibleAt: isoDateTimeSchema.nullable(),
  /** Null while the room is open, once given, or when the peer was never a candidate (their round never started). */
  toRate: feedbackToRateSchema.nullable(),
});
export type RoomFeedback = z.infer<typeof roomFeedbackSchema>;

/**
 * `GET /history/:id/feedback`: per round of the attempt's mock interview, the
 * caller's role, the feedback they received as its candidate (visible by the
 * rule above, else null with `feedbackVisibleAt`), and their own private notes
 * as its interviewer. Empty for pair practice and rounds that never started.
 */
export const attemptFeedbackSchema = z.object({
  attemptId: idSchema,
  rounds: z.array(
    z.object({
      index: z.number().int().min(1).max(2),
      role: z.enum(['interviewer', 'candidate']),
      questionId: idSchema,
      feedback: feedbackViewSchema.nullable(),
      feedbackVisibleAt: isoDateTimeSchema.nullable(),
      /** Your own notes, when you were this round's interviewer and wrote some. */
      notes: z.string().nullable(),
    }),
  ),
});
export type AttemptFeedback = z.infer<typeof attemptFeedbackSchema>;

/**
 * `GET /feedback/summary`: the signed-in user's visible feedback received as
 * a candidate, averaged per rubric criterion (by id; the title is the latest
 * one given), and a series over time for a chart (one point per round rated,
 * oldest first, dated by the session's end).
 */
export const feedbackSummarySchema = z.object({
  feedbackCount: z.number().int().nonnegative(),
  criteria: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** Mean of the scores, 1–4, rounded to two decimals. */
      average: z.number().min(FEEDBACK_SCORE_MIN).max(FEEDBACK_SCORE_MAX),
      count: z.number().int().positive(),
    }),
  ),
  series: z.array(
    z.object({
      roomId: idSchema,
      round: z.number().int().min(1).max(2),
      questionId: idSchema,
      date: isoDateTimeSchema,
      scores: z.array(criterionScoreSchema),
    }),
  ),
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

/**
 * `POST /rooms/:id/block`: the caller blocks the room's other participant;
 * matching never pairs the two again (either way round). Idempotent: a second
 * block answers the first.
 */
export const peerBlockViewSchema = z.object({
  blockedId: idSchema,
  roomId: idSchema.nullable(),
  blockedAt: isoDateTimeSchema,
});
export type PeerBlockView = z.infer<typeof peerBlockViewSchema>;
