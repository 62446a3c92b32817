import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'quiet-street-collection',
  title: 'Quiet Street Collection',
  difficulty: 'MEDIUM',
  topics: ['Dynamic Programming'],
  statement: `A charity volunteer walks down a street of houses; house \`i\` would donate \`pledges[i]\`. Neighbours talk, so the volunteer never knocks on two adjacent houses.

Return the largest total she can collect.`,
  constraints: ['1 ≤ pledges.length ≤ 10^4', '0 ≤ pledges[i] ≤ 10^4'],
  hints: ['For each house decide: skip it (keep the best so far) or take it (best up to two houses back + this one).'],
  entryPoint: {
    functionName: 'bestCollection',
    params: [{ name: 'pledges', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[2, 7, 9, 3, 1]], expected: 12, explanation: 'Houses 0, 2 and 4: 2 + 9 + 1 = 12.' },
    { args: [[5, 1, 1, 5]], expected: 10, explanation: 'The two ends: 5 + 5.' },
  ],
  hidden: [
    { args: [[8]], expected: 8 },
    { args: [[3, 9]], expected: 9 },
    { args: [[0, 0, 0]], expected: 0 },
    { args: [[6, 7, 1, 3, 8, 2, 4]], expected: 19 },
  ],
});

export const referenceSolution = (pledges: number[]): number => {
  let skip = 0;
  let take = 0;
  for (const pledge of pledges) {
    const nextTake = skip + pledge;
    skip = Math.max(skip, take);
    take = nextTake;
  }
  return Math.max(skip, take);
};
