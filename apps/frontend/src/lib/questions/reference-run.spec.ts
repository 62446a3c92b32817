import { runViewSchema, type ExecutionResult, type RunView } from '@peerprep/contracts';
import { aResult, aRun } from '../../../test/run-fixtures';
import { referenceRunRequest, summarizeReferenceRun } from './reference-run';

// A queued Submit of the admin's, alone; results as the fixtures', with the figures the summaries below name.
const run: RunView = aRun({ roomId: null, userName: 'admin', kind: 'submit' });

function result(overrides: Partial<ExecutionResult>): ExecutionResult {
  return aResult({ summary: 'Accepted 3/3', passed: 3, total: 3, tests: [], totalTimeMs: 47.6, peakMemoryBytes: null, ...overrides });
}

describe('running a reference solution from the admin editor', () => {
  it('submits the code against every test of the saved question', () => {
    expect(referenceRunRequest(run.question.id, 'java', 'class Solution {}')).toEqual({
      questionId: run.question.id,
      language: 'java',
      code: 'class Solution {}',
      kind: 'submit',
    });
  });

  it('says where a run is while it is not finished', () => {
    expect(summarizeReferenceRun(run)).toMatchObject({ tone: 'pending', summary: 'Queued…' });
    expect(summarizeReferenceRun({ ...run, phase: 'compiling' }).summary).toBe('Compiling…');
    expect(summarizeReferenceRun({ ...run, phase: 'running', progress: { testIndex: 1, testCount: 5 } }).summary).toBe('Running test 2 of 5…');
    expect(summarizeReferenceRun({ ...run, phase: 'running', progress: { testIndex: null, testCount: 5 } }).summary).toBe('Running…');
  });

  it('summarizes an accepted run in one line with its time', () => {
    const done = runViewSchema.parse({ ...run, phase: 'done', result: result({}) });
    expect(summarizeReferenceRun(done)).toEqual({ tone: 'success', summary: 'Accepted 3/3 · 48 ms', failure: null, compileOutput: null });
  });

  it("shows a visible failing test's expected and actual values, and only the number of a hidden one", () => {
    const visible = result({
      status: 'wrong_answer',
      summary: 'Wrong answer on test 2 (1/3 passed)',
      passed: 1,
      firstFailure: 1,
      tests: [
        { index: 0, hidden: false, verdict: 'passed', timeMs: 1 },
        { index: 1, hidden: false, verdict: 'wrong_answer', timeMs: 1, args: [[1, 2]], expected: [3], actual: [4] },
        { index: 2, hidden: true, verdict: 'wrong_answer', timeMs: 1 },
      ],
    });
    expect(summarizeReferenceRun({ ...run, phase: 'done', result: visible })).toMatchObject({
      tone: 'error',
      summary: 'Wrong answer on test 2 (1/3 passed) · 48 ms',
      failure: { test: 2, hidden: false, expected: [3], actual: [4] },
    });
    const hidden = { ...visible, firstFailure: 2 };
    expect(summarizeReferenceRun({ ...run, phase: 'done', result: hidden }).failure).toEqual({ test: 3, hidden: true });
  });

  it("keeps the start of the compiler's output for a compile error, and says why a failed run failed", () => {
    const output = Array.from({ length: 12 }, (_, line) => `solution.cpp:${line + 1}: error`).join('\n');
    const compileError = result({ status: 'compile_error', summary: 'Compile error', passed: 0, compile: { ok: false, output, diagnostics: [], timeMs: 900 } });
    expect(summarizeReferenceRun({ ...run, phase: 'done', result: compileError }).compileOutput?.split('\n')).toHaveLength(8);
    expect(summarizeReferenceRun({ ...run, phase: 'failed', error: 'The execution service did not answer.' })).toMatchObject({
      tone: 'error',
      summary: 'The execution service did not answer.',
    });
  });
});
