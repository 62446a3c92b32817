import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'widest-rain-tank',
  title: 'Best Pair of Fence Posts',
  difficulty: 'MEDIUM',
  topics: ['Two Pointers', 'Greedy'],
  statement: `Fence posts stand one metre apart; post \`i\` is \`posts[i]\` metres tall. Stretch a tarpaulin between two posts to make a rain tank: it holds water up to the shorter post, over the distance between them.

Return the largest amount of water (width × the shorter height) any pair of posts can hold.`,
  constraints: ['2 ≤ posts.length ≤ 10^5', '0 ≤ posts[i] ≤ 10^4'],
  hints: ['Start with the widest pair. Moving the taller post inward can never help; move the shorter one.'],
  entryPoint: {
    functionName: 'bestTank',
    params: [{ name: 'posts', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[1, 8, 6, 2, 5, 4, 8, 3, 7]], expected: 49, explanation: 'Posts 1 and 8 (heights 8 and 7) are 7 apart: 7 × 7 = 49.' },
    { args: [[2, 2]], expected: 2, explanation: 'Width 1, height 2.' },
  ],
  hidden: [
    { args: [[0, 0]], expected: 0 },
    { args: [[1, 2, 4, 3]], expected: 4 },
    { args: [[10, 1, 1, 1, 10]], expected: 40 },
    { args: [[1, 10, 10, 1]], expected: 10 },
  ],
});

export const referenceSolution = (posts: number[]): number => {
  let left = 0;
  let right = posts.length - 1;
  let best = 0;
  while (left < right) {
    best = Math.max(best, (right - left) * Math.min(posts[left], posts[right]));
    if (posts[left] < posts[right]) left++;
    else right--;
  }
  return best;
};
