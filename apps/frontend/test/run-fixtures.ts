import type { ExecutionResult, RunView } from '@peerprep/contracts';

/** Runs and results for the runs tests: valid against the contracts, every field overridable. */

export const ROOM_ID = '33333333-3333-4333-8333-333333333333';
export const ADA_ID = '11111111-1111-4111-8111-111111111111';
export const BOB_ID = '22222222-2222-4222-8222-222222222222';

export function aResult(overrides: Partial<ExecutionResult> = {}): ExecutionResult {
  return {
    status: 'accepted',
    summary: 'Accepted 2/2',
    passed: 2,
    total: 2,
    firstFailure: null,
    compile: { ok: true, output: '', diagnostics: [], timeMs: 310 },
    tests: [
      { index: 0, hidden: false, verdict: 'passed', timeMs: 3, args: [[2, 7, 11], 9], expected: [0, 1], actual: [0, 1], stdout: '', stderr: '' },
      { index: 1, hidden: true, verdict: 'passed', timeMs: 4 },
    ],
    totalTimeMs: 48,
    peakMemoryBytes: 12_400_000,
    ...overrides,
  };
}

let counter = 0;

export function aRun(overrides: Partial<RunView> = {}): RunView {
  counter += 1;
  return {
    id: `aaaaaaaa-aaaa-4aaa-8aaa-${String(counter).padStart(12, '0')}`,
    roomId: ROOM_ID,
    question: { id: '44444444-4444-4444-8444-444444444444', slug: 'pair-with-target-sum', title: 'Pair With Target Sum', difficulty: 'EASY' },
    userId: ADA_ID,
    userName: 'Ada',
    kind: 'run',
    language: 'python',
    phase: 'queued',
    progress: null,
    result: null,
    error: null,
    customInput: null,
    createdAt: `2026-12-04T10:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    finishedAt: null,
    ...overrides,
  };
}
