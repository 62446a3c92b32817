import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'merge-sorted-shelves',
  title: 'Merge Sorted Shelves',
  difficulty: 'EASY',
  topics: ['Sorting', 'Two Pointers'],
  statement: `Two library shelves each hold books sorted by catalogue number (non-decreasing). The library is merging them onto one shelf.

Given \`left\` and \`right\`, return one array holding all their numbers in non-decreasing order. Do it in O(left.length + right.length) time.`,
  constraints: ['0 ≤ left.length, right.length ≤ 10^4', '-10^9 ≤ values ≤ 10^9', 'Both inputs are sorted in non-decreasing order.'],
  hints: ['Compare the front of each shelf and move the smaller book first.'],
  entryPoint: {
    functionName: 'mergeShelves',
    params: [
      { name: 'left', type: 'int[]' },
      { name: 'right', type: 'int[]' },
    ],
    returnType: 'int[]',
  },
  examples: [
    { args: [[1, 4, 9], [2, 4, 10, 11]], expected: [1, 2, 4, 4, 9, 10, 11], explanation: 'Duplicates are kept.' },
    { args: [[], [3]], expected: [3], explanation: 'One shelf may be empty.' },
  ],
  hidden: [
    { args: [[], []], expected: [] },
    { args: [[-5, -1], [-3]], expected: [-5, -3, -1] },
    { args: [[1, 1, 1], [1, 1]], expected: [1, 1, 1, 1, 1] },
  ],
});

export const referenceSolution = (left: number[], right: number[]): number[] => {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length || (i < left.length && left[i] <= right[j])) merged.push(left[i++]);
    else merged.push(right[j++]);
  }
  return merged;
};
