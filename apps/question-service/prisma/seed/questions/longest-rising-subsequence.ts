import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'longest-rising-subsequence',
  title: 'Longest Rising Subsequence',
  difficulty: 'MEDIUM',
  topics: ['Dynamic Programming', 'Binary Search'],
  statement: `A climber logs her altitude at each checkpoint in \`altitudes\`. She wants to pick checkpoints, keeping their order but skipping any she likes, so that the chosen altitudes are **strictly** increasing.

Return the largest number of checkpoints she can pick.`,
  constraints: ['1 ≤ altitudes.length ≤ 2500', '-10^4 ≤ altitudes[i] ≤ 10^4'],
  hints: ['O(n²): len[i] = 1 + max len[j] over j < i with altitudes[j] < altitudes[i].', 'O(n log n): keep the smallest possible tail for each length and binary-search where each value goes.'],
  entryPoint: {
    functionName: 'longestRising',
    params: [{ name: 'altitudes', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[10, 9, 2, 5, 3, 7, 101, 18]], expected: 4, explanation: 'For example 2, 3, 7, 18.' },
    { args: [[4, 4, 4]], expected: 1, explanation: 'Equal altitudes do not rise.' },
  ],
  hidden: [
    { args: [[1]], expected: 1 },
    { args: [[5, 4, 3, 2, 1]], expected: 1 },
    { args: [[0, 1, 0, 3, 2, 3]], expected: 4 },
    { args: [[-2, -1, -3, 0, 1, -5, 2]], expected: 5 },
  ],
});

export const referenceSolution = (altitudes: number[]): number => {
  const tails: number[] = [];
  for (const altitude of altitudes) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tails[mid] < altitude) low = mid + 1;
      else high = mid;
    }
    tails[low] = altitude;
  }
  return tails.length;
};
