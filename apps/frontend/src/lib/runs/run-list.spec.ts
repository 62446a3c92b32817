import { aResult, aRun } from '../../../test/run-fixtures';
import { runInProgress, supersedes, upsertRuns } from './run-list';

describe('upsertRuns', () => {
  it('adds new runs newest first', () => {
    const older = aRun({ createdAt: '2026-12-04T10:00:00.000Z' });
    const newer = aRun({ createdAt: '2026-12-04T10:05:00.000Z' });
    expect(upsertRuns([older], [newer]).map((run) => run.id)).toEqual([newer.id, older.id]);
    expect(upsertRuns([], [older, newer]).map((run) => run.id)).toEqual([newer.id, older.id]);
  });

  it('replaces a run with its later phase, by id', () => {
    const queued = aRun({ phase: 'queued' });
    const running = { ...queued, phase: 'running' as const, progress: { testIndex: 1, testCount: 3 } };
    const runs = upsertRuns([queued], [running]);
    expect(runs).toHaveLength(1);
    expect(runs[0].phase).toBe('running');
  });

  it('never moves a run backwards: an earlier phase or test that arrives late is ignored', () => {
    const queued = aRun({ phase: 'queued' });
    const running = { ...queued, phase: 'running' as const, progress: { testIndex: 4, testCount: 12 } };
    const earlierTest = { ...running, progress: { testIndex: 2, testCount: 12 } };
    const held = [running];
    expect(upsertRuns(held, [queued])).toBe(held);
    expect(upsertRuns(held, [earlierTest])).toBe(held);
    expect(upsertRuns(held, [{ ...queued, phase: 'compiling' }])).toBe(held);
  });

  it('keeps a finished run as it is, whatever comes after', () => {
    const done = aRun({ phase: 'done', result: aResult() });
    const held = [done];
    expect(upsertRuns(held, [{ ...done, phase: 'running', result: null, progress: { testIndex: 0, testCount: 2 } }])).toBe(held);
    expect(upsertRuns(held, [{ ...done, phase: 'failed', error: 'late' }])).toBe(held);
  });

  it('lets a list fetched before a message answer after it without losing the message', () => {
    const queued = aRun({ phase: 'queued' });
    const done = { ...queued, phase: 'done' as const, result: aResult() };
    const afterMessage = upsertRuns([], [done]);
    const afterStaleList = upsertRuns(afterMessage, [queued, aRun({ createdAt: '2026-12-04T09:00:00.000Z', phase: 'done', result: aResult() })]);
    expect(afterStaleList[0]).toBe(done);
    expect(afterStaleList).toHaveLength(2);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    const runs = Array.from({ length: 5 }, (_unused, index) => aRun({ createdAt: `2026-12-04T10:0${index}:00.000Z` }));
    const kept = upsertRuns([], runs, 3);
    expect(kept.map((run) => run.createdAt)).toEqual(['2026-12-04T10:04:00.000Z', '2026-12-04T10:03:00.000Z', '2026-12-04T10:02:00.000Z']);
  });
});

describe('supersedes and runInProgress', () => {
  it('treats the same phase and test again as an update (a resent message)', () => {
    const running = aRun({ phase: 'running', progress: { testIndex: 1, testCount: 2 } });
    expect(supersedes({ ...running }, running)).toBe(true);
  });

  it('finds the run still going, if any', () => {
    const done = aRun({ phase: 'done', result: aResult() });
    const compiling = aRun({ phase: 'compiling' });
    expect(runInProgress([compiling, done])).toBe(compiling);
    expect(runInProgress([done])).toBeNull();
  });
});
