import { executionRequestSchema, executionResultSchema } from './executions';

const entryPoint = {
  functionName: 'pairWithTargetSum',
  params: [
    { name: 'prices', type: 'int[]' },
    { name: 'target', type: 'int' },
  ],
  returnType: 'int[]',
} as const;

describe('executionRequestSchema', () => {
  it('accepts a submission whose tests fit the entry point', () => {
    const request = { language: 'cpp', code: 'class Solution {};', entryPoint, tests: [{ args: [[1, 2], 3], expected: [0, 1], hidden: true }] };
    expect(executionRequestSchema.parse(request)).toEqual(request);
  });

  it('names each argument and expected value that does not fit, as the admin editor does', () => {
    const result = executionRequestSchema.safeParse({
      language: 'python',
      code: 'x',
      entryPoint,
      tests: [
        { args: [[1, 2], 'three'], expected: [0, 1], hidden: false },
        { args: [[1]], expected: [0], hidden: false },
        { args: [[1, 2], 3], expected: 'no', hidden: false },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['tests.0.args.1', 'tests.1.args', 'tests.2.expected']);
  });

  it('refuses unknown languages, empty code, no tests and unknown fields', () => {
    const result = executionRequestSchema.safeParse({ language: 'cobol', code: '', entryPoint, tests: [], extra: 1 });
    expect(result.error?.issues.map((issue) => issue.path.join('.') || issue.code).sort()).toEqual(['code', 'language', 'tests', 'unrecognized_keys']);
  });
});

describe('executionResultSchema', () => {
  it('describes a hidden test by its verdict alone', () => {
    const result = executionResultSchema.parse({
      status: 'accepted',
      summary: 'Accepted 1/1',
      passed: 1,
      total: 1,
      firstFailure: null,
      compile: { ok: true, output: '', diagnostics: [], timeMs: 1 },
      tests: [{ index: 0, hidden: true, verdict: 'passed', timeMs: 0.1 }],
      totalTimeMs: 12,
      peakMemoryBytes: null,
    });
    expect(result.tests[0]).toEqual({ index: 0, hidden: true, verdict: 'passed', timeMs: 0.1 });
  });
});

describe('custom inputs', () => {
  it('lets a test go without an expected value (a Run custom input) and still checks its arguments', () => {
    const ok = executionRequestSchema.safeParse({ language: 'python', code: 'x', entryPoint, tests: [{ args: [[1, 2], 3], hidden: false }] });
    expect(ok.success).toBe(true);
    const bad = executionRequestSchema.safeParse({ language: 'python', code: 'x', entryPoint, tests: [{ args: [[1, 2], 3.5], hidden: false }] });
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['tests.0.args.1']);
  });
});
