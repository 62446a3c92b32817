import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'median-of-two-ledgers',
  title: 'Median of Two Ledgers',
  difficulty: 'HARD',
  topics: ['Binary Search'],
  statement: `Two branches keep their transaction amounts in sorted ledgers \`a\` and \`b\` (non-decreasing). Return the median of all amounts combined: the middle value, or the mean of the two middle values when the total count is even.

Your solution must run in O(log(min(a.length, b.length))) time — merging is too slow.`,
  constraints: ['0 ≤ a.length, b.length ≤ 1000', '1 ≤ a.length + b.length ≤ 2000', '-10^6 ≤ a[i], b[i] ≤ 10^6'],
  hints: ['Binary-search how many elements of the shorter ledger go into the lower half; the rest of the lower half comes from the other.', 'A split is right when the max of the lower half ≤ the min of the upper half.'],
  entryPoint: {
    functionName: 'combinedMedian',
    params: [
      { name: 'a', type: 'int[]' },
      { name: 'b', type: 'int[]' },
    ],
    returnType: 'double',
  },
  examples: [
    { args: [[1, 3], [2]], expected: 2, explanation: 'Combined: 1, 2, 3; the middle is 2.' },
    { args: [[1, 2], [3, 4]], expected: 2.5, explanation: 'Combined: 1, 2, 3, 4; (2 + 3) / 2 = 2.5.' },
  ],
  hidden: [
    { args: [[], [7]], expected: 7 },
    { args: [[5], []], expected: 5 },
    { args: [[-5, -3, -1], [-2]], expected: -2.5 },
    { args: [[1, 1, 1], [1, 1]], expected: 1 },
    { args: [[1, 2, 3, 4, 5, 6, 7, 8], [100]], expected: 5 },
  ],
});

export const referenceSolution = (a: number[], b: number[]): number => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const half = Math.floor((short.length + long.length + 1) / 2);
  let low = 0;
  let high = short.length;
  for (;;) {
    const i = (low + high) >> 1;
    const j = half - i;
    const shortLeft = i > 0 ? short[i - 1] : -Infinity;
    const shortRight = i < short.length ? short[i] : Infinity;
    const longLeft = j > 0 ? long[j - 1] : -Infinity;
    const longRight = j < long.length ? long[j] : Infinity;
    if (shortLeft > longRight) high = i - 1;
    else if (longLeft > shortRight) low = i + 1;
    else {
      const lowerMax = Math.max(shortLeft, longLeft);
      if ((short.length + long.length) % 2 === 1) return lowerMax;
      return (lowerMax + Math.min(shortRight, longRight)) / 2;
    }
  }
};
