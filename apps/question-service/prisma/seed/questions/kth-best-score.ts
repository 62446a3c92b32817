import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'kth-best-score',
  title: 'K-th Best Score',
  difficulty: 'EASY',
  topics: ['Heaps', 'Sorting'],
  statement: `A leaderboard keeps every score posted in a tournament, duplicates included. Return the \`k\`-th largest score — the value that would be at position \`k\` (1-based) if the scores were sorted from highest to lowest.

Try to beat a full sort when \`k\` is small.`,
  constraints: ['1 ≤ k ≤ scores.length ≤ 10^5', '-10^4 ≤ scores[i] ≤ 10^4'],
  hints: ['Keep a min-heap of the k largest scores seen so far; its top is the answer.'],
  entryPoint: {
    functionName: 'kthBest',
    params: [
      { name: 'scores', type: 'int[]' },
      { name: 'k', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [[40, 95, 70, 88], 2], expected: 88, explanation: 'Sorted high to low: 95, 88, 70, 40.' },
    { args: [[5, 9, 9, 1], 2], expected: 9, explanation: 'Duplicates count: 9, 9, 5, 1.' },
  ],
  hidden: [
    { args: [[3], 1], expected: 3 },
    { args: [[-1, -5, -3], 3], expected: -5 },
    { args: [[2, 8, 6, 4, 10, 12], 4], expected: 6 },
  ],
});

export const referenceSolution = (scores: number[], k: number): number => [...scores].sort((a, b) => b - a)[k - 1];
