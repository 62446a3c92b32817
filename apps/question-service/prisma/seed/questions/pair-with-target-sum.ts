import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'pair-with-target-sum',
  title: 'Pair With Target Sum',
  difficulty: 'EASY',
  topics: ['Arrays', 'Hash Tables'],
  statement: `A gift-card holder wants to spend the card's value exactly on two different items in a shop.

You are given the item prices \`prices\` and the card value \`target\`. Return the indices \`[i, j]\` with \`i < j\` of the two items whose prices add up to exactly \`target\`.

Every input has exactly one such pair.`,
  constraints: ['2 ≤ prices.length ≤ 10^4', '-10^9 ≤ prices[i] ≤ 10^9', '-10^9 ≤ target ≤ 10^9', 'Exactly one pair sums to target.'],
  hints: ['For each price, the partner you need is target - price. Can you look it up in O(1)?'],
  entryPoint: {
    functionName: 'pairWithTargetSum',
    params: [
      { name: 'prices', type: 'int[]' },
      { name: 'target', type: 'int' },
    ],
    returnType: 'int[]',
  },
  examples: [
    { args: [[4, 9, 3, 12], 12], expected: [1, 2], explanation: 'prices[1] + prices[2] = 9 + 3 = 12.' },
    { args: [[5, 5, 1], 10], expected: [0, 1], explanation: 'Two items may share a price; they are still different items.' },
  ],
  hidden: [
    { args: [[-3, 8, 11, 2], -1], expected: [0, 3] },
    { args: [[1, 2], 3], expected: [0, 1] },
    { args: [[0, 7, -7, 14, 3], 0], expected: [1, 2] },
    { args: [[1000000000, -1000000000, 6], 0], expected: [0, 1] },
  ],
});

export const referenceSolution = (prices: number[], target: number): number[] => {
  const seen = new Map<number, number>();
  for (let j = 0; j < prices.length; j++) {
    const i = seen.get(target - prices[j]);
    if (i !== undefined) return [i, j];
    if (!seen.has(prices[j])) seen.set(prices[j], j);
  }
  return [];
};
