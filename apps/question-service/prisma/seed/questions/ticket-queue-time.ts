import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'ticket-queue-time',
  title: 'Ticket Queue Time',
  difficulty: 'EASY',
  topics: ['Queues', 'Arrays'],
  statement: `Fans queue at a box office that sells one ticket per fan per visit. Fan \`i\` (0 = front) wants \`wants[i]\` tickets. Each second the fan at the front buys one ticket; if they still want more they rejoin the back of the queue, otherwise they leave.

Return how many seconds pass until fan \`k\` has all their tickets.`,
  constraints: ['1 ≤ wants.length ≤ 100', '1 ≤ wants[i] ≤ 100', '0 ≤ k < wants.length'],
  hints: ['Simulating with a queue is fine at this size.', 'Fans before k buy at most wants[k] tickets in that time; fans after k at most wants[k] - 1.'],
  entryPoint: {
    functionName: 'timeToBuy',
    params: [
      { name: 'wants', type: 'int[]' },
      { name: 'k', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [[2, 3, 2], 2], expected: 6, explanation: 'Purchases go 0,1,2,0,1,2: fan 2 finishes at second 6.' },
    { args: [[5, 1, 1, 1], 0], expected: 8, explanation: 'Fans 1–3 leave after one ticket; fan 0 then buys alone until done at second 8.' },
  ],
  hidden: [
    { args: [[1], 0], expected: 1 },
    { args: [[3, 3, 3], 0], expected: 7 },
    { args: [[1, 4, 2], 1], expected: 7 },
  ],
});

export const referenceSolution = (wants: number[], k: number): number =>
  wants.reduce((seconds, want, i) => seconds + Math.min(want, i <= k ? wants[k] : wants[k] - 1), 0);
