import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'catalogue-lookup',
  title: 'Catalogue Lookup',
  difficulty: 'EASY',
  topics: ['Binary Search'],
  statement: `A printed catalogue lists product codes in strictly increasing order. Given the list \`codes\` and a code \`wanted\`, return the index of \`wanted\` in \`codes\`, or \`-1\` if it is not listed.

Your solution must run in O(log n) time.`,
  constraints: ['1 ≤ codes.length ≤ 10^5', '-10^9 ≤ codes[i], wanted ≤ 10^9', 'codes is strictly increasing.'],
  hints: ['Compare with the middle entry and discard the half that cannot contain the code.'],
  entryPoint: {
    functionName: 'lookup',
    params: [
      { name: 'codes', type: 'int[]' },
      { name: 'wanted', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [[-4, 0, 3, 8, 15], 8], expected: 3, explanation: 'codes[3] = 8.' },
    { args: [[-4, 0, 3, 8, 15], 5], expected: -1, explanation: '5 is not in the catalogue.' },
  ],
  hidden: [
    { args: [[7], 7], expected: 0 },
    { args: [[7], -7], expected: -1 },
    { args: [[1, 2, 3, 4, 5, 6, 7, 8], 1], expected: 0 },
    { args: [[1, 2, 3, 4, 5, 6, 7, 8], 8], expected: 7 },
    { args: [[1, 3, 5], 6], expected: -1 },
  ],
});

export const referenceSolution = (codes: number[], wanted: number): number => {
  let low = 0;
  let high = codes.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codes[mid] === wanted) return mid;
    if (codes[mid] < wanted) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
};
