import { z } from 'zod';
import { languageSchema } from './common';
import { addTestCaseIssues, entryPointSchema, jsonValueSchema } from './questions';

/**
 * Executions: what execution-service is asked to run (a submission against a
 * question's test cases) and the verdicts it answers with. The service runs
 * every compile and every test in a sandbox; these shapes are all that leaves it.
 */

/** Source above this is refused with 413 before anything is compiled. */
export const MAX_SOURCE_BYTES = 64 * 1024;
/** A question holds at most 200 test cases (questionInputSchema); a Run may add one custom input. */
export const MAX_EXECUTION_TESTS = 200;

/**
 * Internal `POST /internal/executions` (a service → execution-service, with the
 * internal token): compile the code once and run it against every test,
 * synchronously. Every argument and expected value must fit the entry point.
 */
export const EXECUTIONS_PATH = '/internal/executions';

/**
 * One test to run: a question's test case, or a Run's custom input, which has
 * no expected value (its verdict is `ran` once the call returns).
 */
export const executionTestSchema = z.object({
  args: z.array(jsonValueSchema),
  expected: jsonValueSchema.optional(),
  hidden: z.boolean(),
});
export type ExecutionTest = z.infer<typeof executionTestSchema>;

export const executionRequestSchema = z
  .strictObject({
    language: languageSchema,
    // The byte bound (413) is checked by the service; this bound only stops absurd strings early.
    code: z.string().min(1).max(4 * MAX_SOURCE_BYTES),
    entryPoint: entryPointSchema,
    tests: z.array(executionTestSchema).min(1).max(MAX_EXECUTION_TESTS + 1),
  })
  .superRefine((request, ctx) => addTestCaseIssues(request.entryPoint, request.tests, 'tests', ctx));
export type ExecutionRequest = z.infer<typeof executionRequestSchema>;

export const TEST_VERDICTS = [
  'passed',
  /** A custom input (no expected value): the call returned; `actual` is what it returned. */
  'ran',
  'wrong_answer',
  'runtime_error',
  'time_limit',
  'memory_limit',
  'output_limit',
  /** Not run: the code did not compile, or three earlier tests ended at a limit (time, memory, output). */
  'skipped',
] as const;
export const testVerdictSchema = z.enum(TEST_VERDICTS);
export type TestVerdict = z.infer<typeof testVerdictSchema>;

/**
 * One test's outcome. Visible tests carry their input, expected and actual
 * values and the program's output excerpts; hidden tests carry only the verdict.
 */
export const testResultSchema = z.object({
  index: z.number().int().nonnegative(),
  hidden: z.boolean(),
  verdict: testVerdictSchema,
  /** Time inside the driver for this call, in milliseconds (null when it never finished). */
  timeMs: z.number().nonnegative().nullable(),
  args: z.array(jsonValueSchema).optional(),
  expected: jsonValueSchema.optional(),
  actual: jsonValueSchema.optional(),
  /** Runtime errors: the exit code, or the signal that ended the program. */
  exitCode: z.number().int().nullable().optional(),
  signal: z.string().nullable().optional(),
  /** What the program printed (truncated), for visible tests only. */
  stdout: z.string().optional(),
  stderr: z.string().optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

/** A compiler or type-checker message, with the position in the user's code when it names one. */
export const diagnosticSchema = z.object({
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const EXECUTION_STATUSES = [
  'accepted',
  'wrong_answer',
  'runtime_error',
  'time_limit',
  'memory_limit',
  'output_limit',
  'compile_error',
  /** Compilation itself ran out of time or memory (a template bomb). */
  'compile_limit',
] as const;
export const executionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof executionStatusSchema>;

export const executionResultSchema = z.object({
  status: executionStatusSchema,
  /** "Accepted 12/12", "Wrong answer on test 3 (2/12 passed)", "Compile error". */
  summary: z.string(),
  passed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The first test that did not pass, if any. */
  firstFailure: z.number().int().nonnegative().nullable(),
  compile: z.object({
    ok: z.boolean(),
    /** The compiler's output (truncated): errors for a compile error, warnings otherwise. */
    output: z.string(),
    /** Errors, and for TypeScript the type errors that do not stop the run. */
    diagnostics: z.array(diagnosticSchema),
    timeMs: z.number().nonnegative(),
  }),
  tests: z.array(testResultSchema),
  /** Wall time of every test box, compile excluded. */
  totalTimeMs: z.number().nonnegative(),
  /** The largest memory any test box used, when the host lets the service measure it (cgroups). */
  peakMemoryBytes: z.number().int().nonnegative().nullable(),
});
export type ExecutionResult = z.infer<typeof executionResultSchema>;

/** Doubles are equal when within this absolute or relative distance (1e-6). */
export const DOUBLE_TOLERANCE = 1e-6;
