import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'dedupe-sorted-chain',
  title: 'Dedupe a Sorted Chain',
  difficulty: 'EASY',
  topics: ['Linked Lists'],
  statement: `A singly linked list holds values in non-decreasing order. Remove nodes so that each value appears only once, keeping the first node of every run, and return the resulting list.

**Representation.** A linked list is given and returned as the array of its node values from head to tail (\`[]\` is the empty list). Solve it as you would on real nodes: one pass, relinking \`next\` pointers.`,
  constraints: ['0 ≤ number of nodes ≤ 300', '-100 ≤ node value ≤ 100', 'Values are sorted in non-decreasing order.'],
  hints: ['Compare each node with its successor; if they are equal, skip the successor.'],
  entryPoint: {
    functionName: 'dedupeSorted',
    params: [{ name: 'head', type: 'int[]' }],
    returnType: 'int[]',
  },
  examples: [
    { args: [[1, 1, 2, 3, 3, 3]], expected: [1, 2, 3], explanation: 'The extra 1 and the two extra 3s are unlinked.' },
    { args: [[-2, 0, 5]], expected: [-2, 0, 5], explanation: 'No duplicates: the list is unchanged.' },
  ],
  hidden: [
    { args: [[]], expected: [] },
    { args: [[7, 7, 7, 7]], expected: [7] },
    { args: [[-100, -100, 0, 100, 100]], expected: [-100, 0, 100] },
  ],
});

export const referenceSolution = (head: number[]): number[] => head.filter((value, index) => index === 0 || head[index - 1] !== value);
