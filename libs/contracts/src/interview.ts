import { z } from 'zod';
import { INTERVIEW_PHASES, INTERVIEW_ROLES, INTERVIEW_WARNING_SECONDS, ROUND_END_REASONS } from './constants';
import { idSchema, isoDateTimeSchema, pathInteger } from './common';

export { INTERVIEW_PHASES, INTERVIEW_ROLES, INTERVIEW_WARNING_SECONDS, ROUND_END_REASONS } from './constants';

export const interviewPhaseSchema = z.enum(INTERVIEW_PHASES);
export type InterviewPhase = z.infer<typeof interviewPhaseSchema>;

export const roundEndReasonSchema = z.enum(ROUND_END_REASONS);
export type RoundEndReason = z.infer<typeof roundEndReasonSchema>;

/** A mock interview has exactly two rounds. */
export const roundIndexSchema = z.union([z.literal(1), z.literal(2)]);
export type RoundIndex = z.infer<typeof roundIndexSchema>;

/**
 * One round as history and the room show it. The roles of round two are
 * known from the start (round one's, swapped); its question is not shown
 * (null) until it starts, so round one's interviewer cannot read ahead.
 */
export const interviewRoundSummarySchema = z.object({
  index: roundIndexSchema,
  interviewerId: idSchema,
  candidateId: idSchema,
  questionId: idSchema.nullable(),
  startedAt: isoDateTimeSchema.nullable(),
  endsAt: isoDateTimeSchema.nullable(),
  endedAt: isoDateTimeSchema.nullable(),
  endReason: roundEndReasonSchema.nullable(),
});
export type InterviewRoundSummary = z.infer<typeof interviewRoundSummarySchema>;

/** The round being played: who asks, who answers, and the server's start and end. */
export const currentRoundSchema = z.object({
  index: roundIndexSchema,
  interviewerId: idSchema,
  candidateId: idSchema,
  startedAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
});
export type CurrentRound = z.infer<typeof currentRoundSchema>;

/**
 * What both peers of an interview room see of its rounds. The clock is the
 * server's: a client estimates its offset from `serverNow` and the request's
 * round trip (`@peerprep/contracts/clock`) and counts down to `endsAt` with
 * it, so two peers whose own clocks disagree, or who reload, see the same
 * time left.
 */
export const interviewViewSchema = z.object({
  mode: z.literal('interview'),
  phase: interviewPhaseSchema,
  /** Null while waiting for both peers and once finished. */
  currentRound: currentRoundSchema.nullable(),
  /** Empty while waiting; both rounds from round one's start on (round two planned until it starts). */
  rounds: z.array(interviewRoundSummarySchema).max(2),
  /** The warning comes this long before a round's end. */
  warningSeconds: z.literal(INTERVIEW_WARNING_SECONDS),
  /** The server's time when it wrote this view. */
  serverNow: isoDateTimeSchema,
});
export type InterviewView = z.infer<typeof interviewViewSchema>;

/**
 * The editor WebSocket's server-only message carrying the room's
 * `InterviewView` (as a JSON string, lib0 `writeVarString`) to both peers:
 * whenever the interview changes (a round starts or ends, roles swap, the
 * warning is due, it is over) and whenever a peer connects, on every replica
 * that holds the room. A client that sends it is closed with 4422
 * (COLLAB_CLOSE_CODES.writeRefused). y-websocket uses 0–3, runs 100, chat
 * 101, call signals 102.
 */
export const ROOM_INTERVIEW_MESSAGE_TYPE = 103;

/**
 * `GET /rooms/:id/interview` of a pair-practice room: it has no rounds, and
 * says so (rather than a 404, which would read as "no such room").
 */
export const pairInterviewViewSchema = z.object({
  mode: z.literal('pair'),
  serverNow: isoDateTimeSchema,
});
export type PairInterviewView = z.infer<typeof pairInterviewViewSchema>;

/** `GET /rooms/:id/interview` (participants only, not cached): the interview, or "pair practice". */
export const roomInterviewResponseSchema = z.discriminatedUnion('mode', [interviewViewSchema, pairInterviewViewSchema]);
export type RoomInterviewResponse = z.infer<typeof roomInterviewResponseSchema>;

/** `/rooms/:id/interview/rounds/:round/...`: `1` or `2` (a number once parsed), anything else is a 400 naming `round`. */
export const interviewRoundParamsSchema = z.object({
  id: idSchema,
  round: pathInteger(1, 2),
});
export type InterviewRoundParams = z.infer<typeof interviewRoundParamsSchema>;

/** Who someone was in a round. */
export const interviewRoleSchema = z.enum(INTERVIEW_ROLES);
export type InterviewRole = z.infer<typeof interviewRoleSchema>;
