import { isFinishedPhase, type CreateSoloRunRequest, type JsonValue, type Language, type RunView } from '@peerprep/contracts';

/** How long the admin editor waits between two reads of a run it started. */
export const RUN_POLL_INTERVAL_MS = 1000;

/** `POST /runs` for a reference solution: a Submit, so every test of the saved question runs, hidden ones included. */
export function referenceRunRequest(questionId: string, language: Language, code: string): CreateSoloRunRequest {
  return { questionId, language, code, kind: 'submit' };
}

/** What the admin editor says about a run of a reference solution: one line, and the failing test when it has one. */
export interface ReferenceRunSummary {
  tone: 'pending' | 'success' | 'error';
  summary: string;
  /** The first test that did not pass; expected and actual only for a visible test. */
  failure: { test: number; hidden: boolean; expected?: JsonValue; actual?: JsonValue } | null;
  /** The start of the compiler's output, for a compile error. */
  compileOutput: string | null;
}

const COMPILE_OUTPUT_LINES = 8;

export function isRunFinished(run: RunView): boolean {
  return isFinishedPhase(run.phase);
}

export function summarizeReferenceRun(run: RunView): ReferenceRunSummary {
  const pending = (summary: string): ReferenceRunSummary => ({ tone: 'pending', summary, failure: null, compileOutput: null });
  switch (run.phase) {
    case 'queued':
      return pending('Queued…');
    case 'compiling':
      return pending('Compiling…');
    case 'running': {
      const index = run.progress?.testIndex;
      return pending(typeof index === 'number' ? `Running test ${index + 1} of ${run.progress?.testCount ?? '?'}…` : 'Running…');
    }
    case 'failed':
      return { tone: 'error', summary: run.error ?? 'The run could not be completed. Try again.', failure: null, compileOutput: null };
    case 'done':
      break;
  }
  const result = run.result;
  if (!result) return { tone: 'error', summary: 'The run finished without a result.', failure: null, compileOutput: null };
  const time = `${Math.round(result.totalTimeMs)} ms`;
  const failing = result.firstFailure === null ? undefined : result.tests.find((test) => test.index === result.firstFailure);
  return {
    tone: result.status === 'accepted' ? 'success' : 'error',
    summary: `${result.summary} · ${time}`,
    failure: failing
      ? {
          test: failing.index + 1,
          hidden: failing.hidden,
          ...(failing.hidden ? {} : { expected: failing.expected, actual: failing.actual }),
        }
      : null,
    compileOutput: result.compile.ok ? null : result.compile.output.split('\n').slice(0, COMPILE_OUTPUT_LINES).join('\n'),
  };
}
