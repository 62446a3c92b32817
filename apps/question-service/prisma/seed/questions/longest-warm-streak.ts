import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'longest-warm-streak',
  title: 'Longest Warm Streak',
  difficulty: 'EASY',
  topics: ['Arrays'],
  statement: `A weather station logs one temperature per day in \`temps\`. A day is *warm* when its temperature is strictly greater than \`threshold\`.

Return the length of the longest run of consecutive warm days (0 if there is none).`,
  constraints: ['0 ≤ temps.length ≤ 10^5', '-100 ≤ temps[i], threshold ≤ 100'],
  hints: ['Walk once through the days, counting the current streak and remembering the best.'],
  entryPoint: {
    functionName: 'longestWarmStreak',
    params: [
      { name: 'temps', type: 'int[]' },
      { name: 'threshold', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [[21, 25, 26, 19, 27, 28, 29, 20], 22], expected: 3, explanation: 'Days 4–6 (27, 28, 29) form the longest warm run.' },
    { args: [[10, 10], 10], expected: 0, explanation: 'Equal to the threshold is not warm.' },
  ],
  hidden: [
    { args: [[], 0], expected: 0 },
    { args: [[5, 6, 7], -100], expected: 3 },
    { args: [[1, 30, 1, 30, 30, 1], 2], expected: 2 },
  ],
});

export const referenceSolution = (temps: number[], threshold: number): number => {
  let best = 0;
  let current = 0;
  for (const temp of temps) {
    current = temp > threshold ? current + 1 : 0;
    best = Math.max(best, current);
  }
  return best;
};
