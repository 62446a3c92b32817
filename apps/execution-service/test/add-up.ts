import type { EntryPoint, ExecutionTest } from '@peerprep/contracts';

/** The small question the app's suites submit: add up an array and a bonus. */
export const addUpEntryPoint: EntryPoint = {
  functionName: 'addUp',
  params: [
    { name: 'values', type: 'int[]' },
    { name: 'bonus', type: 'int' },
  ],
  returnType: 'int',
};

/** Two visible tests and a hidden one. */
export const addUpTests: ExecutionTest[] = [
  { args: [[1, 2, 3], 4], expected: 10, hidden: false },
  { args: [[], 0], expected: 0, hidden: false },
  { args: [[-5, 5], 7], expected: 7, hidden: true },
];
