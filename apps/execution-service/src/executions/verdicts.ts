import type { ExecutionStatus, ExecutionTest, JsonValue, TestResult, TestVerdict, ValueType } from '@peerprep/contracts';
import { sameValue } from './compare';

/** What the driver reported for a test that returned, or the verdict the box's end already decided. */
export interface TestOutcome {
  verdict?: TestVerdict;
  actual?: JsonValue;
}

/**
 * A test's verdict: the one its run decided (runtime error, a limit), or
 * else `ran` for a custom input (no expected value: the call returned), or
 * the comparison with the expected value.
 */
export function verdictOf(outcome: TestOutcome, test: ExecutionTest, returnType: ValueType): TestVerdict {
  if (outcome.verdict !== undefined) return outcome.verdict;
  if (test.expected === undefined) return 'ran';
  return sameValue(outcome.actual, test.expected, returnType) ? 'passed' : 'wrong_answer';
}

/** Verdicts that do not fail a submission: a custom input that ran counts as passing. */
const PASSING: ReadonlySet<TestVerdict> = new Set(['passed', 'ran', 'skipped']);

const STATUS_OF: Record<Exclude<TestVerdict, 'passed' | 'ran' | 'skipped'>, ExecutionStatus> = {
  wrong_answer: 'wrong_answer',
  runtime_error: 'runtime_error',
  time_limit: 'time_limit',
  memory_limit: 'memory_limit',
  output_limit: 'output_limit',
};

export const STATUS_LABELS: Record<ExecutionStatus, string> = {
  accepted: 'Accepted',
  wrong_answer: 'Wrong answer',
  runtime_error: 'Runtime error',
  time_limit: 'Time limit exceeded',
  memory_limit: 'Memory limit exceeded',
  output_limit: 'Output limit exceeded',
  compile_error: 'Compile error',
  compile_limit: 'Compilation exceeded its limits',
};

export interface Summary {
  status: ExecutionStatus;
  summary: string;
  /** Tests with an expected value that passed. */
  passed: number;
  /** Tests with an expected value: a custom input is not counted. */
  total: number;
  firstFailure: number | null;
}

/** How many of the tests carry an expected value (the denominator of "Accepted 3/3"). */
export function checkedCount(tests: readonly ExecutionTest[]): number {
  return tests.filter((test) => test.expected !== undefined).length;
}

/**
 * The submission's status and its one-line summary. "Accepted 3/3" counts
 * only tests with an expected value; a custom input (last in a Run) adds
 * "custom input ran", and its failure reads "Runtime error on custom input".
 */
export function summarize(tests: readonly ExecutionTest[], results: readonly TestResult[]): Summary {
  const total = checkedCount(tests);
  const passed = results.filter((result) => result.verdict === 'passed').length;
  const hasCustomInput = total < tests.length;
  const failure = results.find((result) => !PASSING.has(result.verdict));
  if (!failure) {
    const summary =
      total === 0 ? 'Custom input ran' : `Accepted ${passed}/${total}${hasCustomInput ? ' · custom input ran' : ''}`;
    return { status: 'accepted', summary, passed, total, firstFailure: null };
  }
  const status = STATUS_OF[failure.verdict as keyof typeof STATUS_OF];
  const isCustom = tests[failure.index]?.expected === undefined;
  const where = isCustom ? 'on custom input' : `on test ${failure.index + 1}`;
  const count = total === 0 ? '' : ` (${passed}/${total} passed)`;
  return { status, summary: `${STATUS_LABELS[status]} ${where}${count}`, passed, total, firstFailure: failure.index };
}
