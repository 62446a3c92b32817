import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'busiest-stretch',
  title: 'Busiest Stretch',
  difficulty: 'EASY',
  topics: ['Sliding Window', 'Arrays'],
  statement: `A shop records its number of visitors per hour in \`visitors\`. Return the largest total number of visitors over any \`k\` consecutive hours.`,
  constraints: ['1 ≤ k ≤ visitors.length ≤ 10^5', '0 ≤ visitors[i] ≤ 10^4'],
  hints: ['When the window slides one hour right, add the new hour and subtract the one that left.'],
  entryPoint: {
    functionName: 'busiestStretch',
    params: [
      { name: 'visitors', type: 'int[]' },
      { name: 'k', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [[3, 1, 8, 6, 2, 7], 3], expected: 16, explanation: 'Hours 2–4 give 8 + 6 + 2 = 16; hours 3–5 give 15.' },
    { args: [[4, 4], 1], expected: 4, explanation: 'A window of one hour is just the busiest hour.' },
  ],
  hidden: [
    { args: [[9], 1], expected: 9 },
    { args: [[1, 2, 3, 4], 4], expected: 10 },
    { args: [[0, 0, 0, 5, 0], 2], expected: 5 },
    { args: [[10000, 10000, 1, 10000], 3], expected: 20001 },
  ],
});

export const referenceSolution = (visitors: number[], k: number): number => {
  let window = visitors.slice(0, k).reduce((sum, count) => sum + count, 0);
  let best = window;
  for (let i = k; i < visitors.length; i++) {
    window += visitors[i] - visitors[i - k];
    best = Math.max(best, window);
  }
  return best;
};
