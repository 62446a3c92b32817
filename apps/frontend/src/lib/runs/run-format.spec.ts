import { aResult, aRun, ADA_ID, BOB_ID } from '../../../test/run-fixtures';
import { excerpt, formatArgs, formatBytes, formatMs, formatRunTime, phaseText, resultHeadline, runSummaryLine, startedByText } from './run-format';

describe('phaseText', () => {
  it('names the phase while a run waits, compiles and runs, counting tests from 1', () => {
    expect(phaseText(aRun({ phase: 'queued' }))).toBe('Queued');
    expect(phaseText(aRun({ phase: 'compiling', progress: { testIndex: null, testCount: 12 } }))).toBe('Compiling');
    expect(phaseText(aRun({ phase: 'running', progress: { testIndex: 2, testCount: 12 } }))).toBe('Running test 3 of 12');
    expect(phaseText(aRun({ phase: 'running', progress: { testIndex: 0, testCount: 1 } }))).toBe('Running test 1 of 1');
  });

  it('falls back to plain words when the progress is missing or not started', () => {
    expect(phaseText(aRun({ phase: 'running', progress: null }))).toBe('Running');
    expect(phaseText(aRun({ phase: 'running', progress: { testIndex: null, testCount: 5 } }))).toBe('Running 5 tests');
  });

  it('shows the result summary once done, and why a failed run could not run', () => {
    expect(phaseText(aRun({ phase: 'done', result: aResult({ summary: 'Wrong answer on test 3 (2/12 passed)' }) }))).toBe(
      'Wrong answer on test 3 (2/12 passed)',
    );
    expect(phaseText(aRun({ phase: 'failed', error: 'The execution service did not answer.' }))).toBe(
      'Could not run: The execution service did not answer.',
    );
    expect(phaseText(aRun({ phase: 'failed' }))).toBe('Could not run the code. Try again.');
  });
});

describe('startedByText', () => {
  it('says who started the run and what kind it was, "You" for the reader', () => {
    expect(startedByText(aRun({ userId: ADA_ID, userName: 'Ada', kind: 'run' }), BOB_ID)).toBe('Ada ran the code');
    expect(startedByText(aRun({ userId: ADA_ID, userName: 'Ada', kind: 'submit' }), BOB_ID)).toBe('Ada submitted');
    expect(startedByText(aRun({ userId: ADA_ID, kind: 'submit' }), ADA_ID)).toBe('You submitted');
  });

  it('keeps the anonymous name of a deleted user', () => {
    expect(startedByText(aRun({ userId: null, userName: 'Deleted user' }), null)).toBe('Deleted user ran the code');
  });
});

describe('result lines', () => {
  it('heads a result with its summary, total time and peak memory', () => {
    expect(resultHeadline(aResult({ summary: 'Accepted 12/12', totalTimeMs: 48, peakMemoryBytes: 12_400_000 }))).toBe(
      'Accepted 12/12 · 48 ms · 12 MB',
    );
    expect(resultHeadline(aResult({ summary: 'Accepted 1/1', totalTimeMs: 1234, peakMemoryBytes: null }))).toBe('Accepted 1/1 · 1.23 s');
  });

  it('shows no time for a compile error', () => {
    const result = aResult({ status: 'compile_error', summary: 'Compile error', compile: { ok: false, output: 'x', diagnostics: [], timeMs: 200 } });
    expect(resultHeadline(result)).toBe('Compile error');
  });

  it('writes a history row\'s last submission as "Accepted 12/12 · Java · 48 ms"', () => {
    expect(runSummaryLine({ summary: 'Accepted 12/12', language: 'java', totalTimeMs: 48 })).toBe('Accepted 12/12 · Java · 48 ms');
    expect(runSummaryLine({ summary: 'Queued', language: 'cpp', totalTimeMs: null })).toBe('Queued · C++');
  });

  it('formats times and sizes', () => {
    expect(formatMs(0.4)).toBe('0 ms');
    expect(formatMs(999)).toBe('999 ms');
    expect(formatMs(12_500)).toBe('12.5 s');
    expect(formatBytes(640_000)).toBe('640 KB');
    expect(formatBytes(12_000_000)).toBe('12 MB');
  });
});

describe('test details', () => {
  it('names arguments after the parameters', () => {
    expect(formatArgs([[2, 7], 9], ['nums', 'target'])).toBe('nums = [2,7], target = 9');
    expect(formatArgs(['a'], [])).toBe('arg1 = "a"');
    expect(formatArgs(undefined, ['x'])).toBe('—');
  });

  it('cuts long output and says how much was left out', () => {
    expect(excerpt('')).toBeNull();
    expect(excerpt('short')).toBe('short');
    expect(excerpt('abcdef', 4)).toBe('abcd\n… (2 more characters)');
  });

  it('says how long ago a run started, then the date', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(formatRunTime('2026-12-04T09:59:30Z', now)).toBe('just now');
    expect(formatRunTime('2026-12-04T09:55:00Z', now)).toBe('5 min ago');
    expect(formatRunTime('2026-12-04T07:00:00Z', now)).toBe('3 h ago');
    expect(formatRunTime('2026-12-01T07:00:00Z', now, 'en-GB')).toMatch(/1 Dec/);
  });
});
