import type { QuestionInput } from '@peerprep/contracts';

const starterCode = {
  javascript: 'function solve(nums) {\n}\n',
  typescript: 'function solve(nums: number[]): number {\n}\n',
  python: 'def solve(nums):\n    pass\n',
  java: 'class Solution {\n  int solve(int[] nums) { return 0; }\n}\n',
  cpp: 'int solve(std::vector<int> nums) {\n}\n',
};

/** Reference solutions in two of the five languages (admins and internal callers read them back). */
export const referenceSolutions = {
  javascript: 'function solve(nums) {\n  return nums.reduce((sum, n) => sum + n, 0);\n}\n',
  python: 'def solve(nums):\n    return sum(nums)\n',
};

/** A rubric of the question's own (not the default), as an admin writes one. */
export const rubric = [
  { id: 'running-total', title: 'Keeps a running total', description: 'Sums in one pass instead of sorting or nesting loops.' },
  { id: 'empty-input', title: 'Handles an empty list', description: 'Answers 0 for [] without a special case bolted on.' },
];

/** A valid admin create body: one visible and one hidden case; override what the test is about. */
export function questionInput(overrides: Partial<QuestionInput> = {}): QuestionInput {
  return {
    slug: 'sum-of-list',
    title: 'Sum Of List',
    statement: 'Return the **sum** of every number in `nums`.',
    difficulty: 'EASY',
    topics: ['Arrays', 'Math'],
    examples: [
      { input: 'nums = [1, 2]', output: '3', explanation: '1 + 2 = 3' },
      { input: 'nums = []', output: '0' },
    ],
    constraints: ['0 <= nums.length <= 1000'],
    hints: ['Keep a running total.'],
    starterCode,
    entryPoint: { functionName: 'solve', params: [{ name: 'nums', type: 'int[]' }], returnType: 'int' },
    testCases: [
      { args: [[1, 2]], expected: 3, hidden: false },
      { args: [[-5, 5, 7]], expected: 7, hidden: true },
    ],
    referenceSolutions,
    rubric,
    ...overrides,
  };
}
