import { z } from 'zod';
import { eventCatalog } from './events';
import { addArgumentIssues, type EntryPoint } from './questions';
import {
  createRoomRunRequestSchema,
  createSoloRunRequestSchema,
  executionJobSchema,
  isFinishedPhase,
  listRunsQuerySchema,
  runViewSchema,
} from './runs';

const questionId = '4b8f3c1e-8a53-4c1e-9f0a-0d5b8e8f1a11';
const runId = '0b6b2c57-6a61-4c34-8a1b-8f0cc0e3d0a2';
const entryPoint: EntryPoint = {
  functionName: 'twoSum',
  params: [
    { name: 'nums', type: 'int[]' },
    { name: 'target', type: 'int' },
  ],
  returnType: 'int[]',
};

describe('run requests', () => {
  it('takes a kind and an optional custom input in a room, nothing else', () => {
    expect(createRoomRunRequestSchema.parse({ kind: 'submit' })).toEqual({ kind: 'submit' });
    expect(createRoomRunRequestSchema.parse({ kind: 'run', customInput: [[1, 2], 3] })).toEqual({ kind: 'run', customInput: [[1, 2], 3] });
    const bad = createRoomRunRequestSchema.safeParse({ kind: 'debug', code: 'x' });
    expect(bad.error?.issues.map((issue) => issue.path.join('.') || issue.code).sort()).toEqual(['kind', 'unrecognized_keys']);
  });

  it('takes the question, language and code when alone', () => {
    const request = { questionId, language: 'cpp', code: 'int main(){}', kind: 'run' };
    expect(createSoloRunRequestSchema.parse(request)).toEqual(request);
    const bad = createSoloRunRequestSchema.safeParse({ questionId: 'two-sum', language: 'go', code: '', kind: 'run' });
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['code', 'language', 'questionId']);
  });

  it('names the custom input argument that does not fit its parameter', () => {
    const schema = z.array(z.json()).superRefine((args, ctx) => {
      addArgumentIssues(entryPoint, args, ['customInput'], ctx);
    });
    expect(schema.safeParse([[1, 2], 3]).success).toBe(true);
    expect(schema.safeParse([[1, 'x'], 3]).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['customInput.0']);
    expect(schema.safeParse([[1]]).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['customInput', 'Expected 2 argument(s), got 1'],
    ]);
  });

  it('lists own runs by page, optionally for one question', () => {
    expect(listRunsQuerySchema.parse({ questionId })).toEqual({ questionId, page: 1, pageSize: 20 });
    expect(listRunsQuerySchema.safeParse({ questionId: 'x' }).success).toBe(false);
  });
});

describe('runs', () => {
  it('describes a queued run without a result', () => {
    const view = {
      id: runId,
      roomId: null,
      question: { id: questionId, slug: 'two-sum', title: 'Two Sum', difficulty: 'EASY' },
      userId: questionId,
      userName: 'Ada',
      kind: 'submit',
      language: 'java',
      phase: 'queued',
      progress: null,
      result: null,
      error: null,
      customInput: null,
      createdAt: '2026-12-04T10:00:00.000Z',
      finishedAt: null,
    };
    expect(runViewSchema.parse(view)).toEqual(view);
    expect(runViewSchema.safeParse({ ...view, phase: 'paused' }).success).toBe(false);
  });

  it('knows which phases are final', () => {
    expect(['queued', 'compiling', 'running', 'done', 'failed'].map((phase) => isFinishedPhase(phase as never))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('checks a job like an execution request: every test fits the entry point', () => {
    const job = {
      runId,
      language: 'python',
      code: 'def twoSum(nums, target): return [0, 1]',
      entryPoint,
      tests: [{ args: [[1, 2], 3], expected: [0, 1], hidden: true }, { args: [[5], 5], hidden: false }],
      enqueuedAt: '2026-12-04T10:00:00.000Z',
    };
    expect(executionJobSchema.parse(job)).toEqual(job);
    expect(executionJobSchema.safeParse({ ...job, tests: [{ args: [[1], 'x'], expected: [0], hidden: false }] }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['tests.0.args.1']);
  });

  it('carries progress and the end of a run as events', () => {
    expect(
      eventCatalog['execution.progressed'].payload.safeParse({ runId, attempt: 1, seq: 2, phase: 'running', testIndex: 0, testCount: 5 }).success,
    ).toBe(true);
    expect(
      eventCatalog['execution.finished'].payload.safeParse({ runId, outcome: 'failed', error: 'lost twice', finishedAt: '2026-12-04T10:00:00.000Z' }).success,
    ).toBe(true);
    expect(eventCatalog['execution.finished'].payload.safeParse({ runId, outcome: 'done', finishedAt: '2026-12-04T10:00:00.000Z' }).success).toBe(false);
  });
});
