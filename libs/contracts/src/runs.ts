import { z } from 'zod';
import { RUN_PHASES } from './constants';
import { idSchema, isoDateTimeSchema, languageSchema, paginated, paginationQuerySchema } from './common';
import {
  executionResultSchema,
  executionStatusSchema,
  executionTestSchema,
  MAX_EXECUTION_TESTS,
  MAX_SOURCE_BYTES,
} from './executions';
import { addTestCaseIssues, entryPointSchema, jsonValueSchema, questionRefSchema } from './questions';

/**
 * Runs: a student's Run (the question's visible examples, plus an optional
 * custom input) or Submit (every test, hidden ones included), in a room or
 * alone on a question's page. collaboration-service owns them (they are kept
 * with the room and in history); execution-service runs them from a RabbitMQ
 * work queue and reports progress and the result as events.
 */

export const RUN_KINDS = ['run', 'submit'] as const;
export const runKindSchema = z.enum(RUN_KINDS);
export type RunKind = z.infer<typeof runKindSchema>;

/**
 * Where a run is: waiting for a run slot, compiling, running test i of n,
 * done (a result, whatever its verdict), or failed (the platform could not
 * run it: the execution service died twice on it or never answered; not the
 * code's fault, try again).
 */
export { isFinishedPhase, RUN_PHASES } from './constants';
export const runPhaseSchema = z.enum(RUN_PHASES);
export type RunPhase = z.infer<typeof runPhaseSchema>;

/**
 * Arguments of one extra test (Run only), in parameter order, each fitting its
 * parameter's type (400 naming `customInput.<index>` otherwise). It has no
 * expected value: its verdict is `ran` and the result shows what the code returned.
 */
export const customInputSchema = z.array(jsonValueSchema).max(10);

/** `POST /rooms/:id/runs`: what runs is the room's live code and language, read by the server. */
export const createRoomRunRequestSchema = z.strictObject({
  kind: runKindSchema,
  customInput: customInputSchema.optional(),
});
export type CreateRoomRunRequest = z.infer<typeof createRoomRunRequestSchema>;

/** `POST /runs`: a signed-in student practising alone on a question's page. */
export const createSoloRunRequestSchema = z.strictObject({
  questionId: idSchema,
  language: languageSchema,
  // The byte bound (413) is checked by the service; this bound only stops absurd strings early.
  code: z.string().min(1).max(4 * MAX_SOURCE_BYTES),
  kind: runKindSchema,
  customInput: customInputSchema.optional(),
});
export type CreateSoloRunRequest = z.infer<typeof createSoloRunRequestSchema>;

/** While compiling or running: which test (0-based) of how many. */
export const runProgressSchema = z.object({
  testIndex: z.number().int().nonnegative().nullable(),
  testCount: z.number().int().nonnegative(),
});
export type RunProgress = z.infer<typeof runProgressSchema>;

/** A run as both peers (or the student alone) see it; hidden tests carry only their verdict. */
export const runViewSchema = z.object({
  id: idSchema,
  /** Null for a solo run. */
  roomId: idSchema.nullable(),
  question: questionRefSchema,
  /** Who started it (null once they deleted their account). */
  userId: idSchema.nullable(),
  userName: z.string(),
  kind: runKindSchema,
  language: languageSchema,
  phase: runPhaseSchema,
  progress: runProgressSchema.nullable(),
  /** Present once `done`. */
  result: executionResultSchema.nullable(),
  /** Present once `failed`: what went wrong, for people. */
  error: z.string().nullable(),
  /** The custom input a Run carried, if any. */
  customInput: customInputSchema.nullable(),
  createdAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
  /** In a mock interview: the round it ran in (its code, language and question are that round's). Absent otherwise. */
  round: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type RunView = z.infer<typeof runViewSchema>;

/** A run in one line, for history rows: "Accepted 12/12 · Java · 48 ms". */
export const runSummarySchema = z.object({
  id: idSchema,
  kind: runKindSchema,
  language: languageSchema,
  phase: runPhaseSchema,
  /** The result's status once done. */
  status: executionStatusSchema.nullable(),
  /** The result's summary ("Accepted 12/12"), or the phase for a run not done. */
  summary: z.string(),
  totalTimeMs: z.number().nonnegative().nullable(),
  createdAt: isoDateTimeSchema,
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** `GET /runs/:id`: the run and the code it ran. */
export const runDetailSchema = runViewSchema.extend({ code: z.string() });
export type RunDetail = z.infer<typeof runDetailSchema>;

export const runIdParamsSchema = z.object({ id: idSchema });
export type RunIdParams = z.infer<typeof runIdParamsSchema>;

/** `GET /runs?questionId=&page=&pageSize=`: the caller's own solo runs, newest first. */
export const listRunsQuerySchema = paginationQuerySchema.extend({ questionId: idSchema.optional() });
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;

export const runsPageSchema = paginated(runViewSchema);
export type RunsPage = z.infer<typeof runsPageSchema>;

/** How many recent runs `GET /rooms/:id/runs` returns (newest first). */
export const ROOM_RUNS_LIMIT = 50;
export const roomRunsResponseSchema = z.object({ items: z.array(runViewSchema) });
export type RoomRunsResponse = z.infer<typeof roomRunsResponseSchema>;

/**
 * The editor WebSocket's server-only message carrying a run (`RunView` as a
 * JSON string, lib0 `writeVarString`) to every participant of the room when it
 * is created, makes progress and ends. y-websocket uses 0–3.
 */
export const ROOM_RUN_MESSAGE_TYPE = 100;

/**
 * A job on the execution work queue (collaboration-service → execution-service),
 * persistent, one per run. Tests are already chosen (visible only for a Run,
 * every test for a Submit, the custom input last with no expected value).
 */
export const executionJobSchema = z
  .strictObject({
    runId: idSchema,
    language: languageSchema,
    code: z.string().min(1).max(4 * MAX_SOURCE_BYTES),
    entryPoint: entryPointSchema,
    tests: z.array(executionTestSchema).min(1).max(MAX_EXECUTION_TESTS + 1),
    enqueuedAt: isoDateTimeSchema,
  })
  .superRefine((job, ctx) => addTestCaseIssues(job.entryPoint, job.tests, 'tests', ctx));
export type ExecutionJob = z.infer<typeof executionJobSchema>;

/** The work queue's default name (`EXECUTION_JOBS_QUEUE`). */
export const EXECUTION_JOBS_QUEUE = 'execution.jobs';
