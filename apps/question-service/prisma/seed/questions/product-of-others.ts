import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'product-of-others',
  title: 'Product of the Others',
  difficulty: 'MEDIUM',
  topics: ['Arrays'],
  statement: `Given an array \`nums\`, return an array \`out\` where \`out[i]\` is the product of every element of \`nums\` except \`nums[i]\`.

Do it in O(n) time **without using division** (a zero in the input would break it anyway).`,
  constraints: ['2 ≤ nums.length ≤ 10^5', '-30 ≤ nums[i] ≤ 30', 'Every prefix and suffix product fits in a 32-bit integer.'],
  hints: ['out[i] = (product of everything left of i) × (product of everything right of i).', 'Two passes, one from each end, are enough.'],
  entryPoint: {
    functionName: 'productOfOthers',
    params: [{ name: 'nums', type: 'int[]' }],
    returnType: 'int[]',
  },
  examples: [
    { args: [[2, 3, 4, 5]], expected: [60, 40, 30, 24], explanation: 'For index 0: 3 × 4 × 5 = 60, and so on.' },
    { args: [[-1, 2, 0, 3]], expected: [0, 0, -6, 0], explanation: 'Only the zero\'s own slot avoids multiplying by zero.' },
  ],
  hidden: [
    { args: [[7, 9]], expected: [9, 7] },
    { args: [[0, 0, 5]], expected: [0, 0, 0] },
    { args: [[1, -1, 1, -1, 1]], expected: [1, -1, 1, -1, 1] },
  ],
});

export const referenceSolution = (nums: number[]): number[] => {
  const out = new Array<number>(nums.length).fill(1);
  let left = 1;
  for (let i = 0; i < nums.length; i++) {
    out[i] = left;
    left *= nums[i];
  }
  let right = 1;
  for (let i = nums.length - 1; i >= 0; i--) {
    out[i] *= right;
    right *= nums[i];
  }
  return out;
};
