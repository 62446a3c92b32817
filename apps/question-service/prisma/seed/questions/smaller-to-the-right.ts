import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'smaller-to-the-right',
  title: 'Shorter Runners Behind',
  difficulty: 'HARD',
  topics: ['Sorting', 'Binary Search'],
  statement: `Runners stand in a line facing forward; runner \`i\` is \`heights[i]\` cm tall, and everyone with a larger index stands behind them. For every runner, count how many runners behind them are strictly shorter.

Return the counts in the original order. A quadratic scan is too slow for the largest input.`,
  constraints: ['1 ≤ heights.length ≤ 10^5', '-10^4 ≤ heights[i] ≤ 10^4'],
  hints: ['Scan from the back, inserting heights into a structure that can count values smaller than x (a Fenwick tree over the value range).', 'Merge sort also works: count how many right-half elements jump ahead of each left-half element.'],
  entryPoint: {
    functionName: 'shorterBehind',
    params: [{ name: 'heights', type: 'int[]' }],
    returnType: 'int[]',
  },
  examples: [
    { args: [[5, 2, 6, 1]], expected: [2, 1, 1, 0], explanation: 'Behind 5 are 2 and 1; behind 2 is 1; behind 6 is 1.' },
    { args: [[3, 3]], expected: [0, 0], explanation: 'Equal heights are not shorter.' },
  ],
  hidden: [
    { args: [[-1]], expected: [0] },
    { args: [[1, 2, 3, 4]], expected: [0, 0, 0, 0] },
    { args: [[4, 3, 2, 1]], expected: [3, 2, 1, 0] },
    { args: [[10000, -10000, 0, -10000, 5]], expected: [4, 0, 1, 0, 0] },
  ],
});

export const referenceSolution = (heights: number[]): number[] => {
  const offset = 10001;
  const tree = new Array<number>(2 * offset + 1).fill(0);
  const add = (index: number): void => {
    for (let i = index; i < tree.length; i += i & -i) tree[i]++;
  };
  const countBelow = (index: number): number => {
    let count = 0;
    for (let i = index - 1; i > 0; i -= i & -i) count += tree[i];
    return count;
  };
  const counts = new Array<number>(heights.length);
  for (let i = heights.length - 1; i >= 0; i--) {
    counts[i] = countBelow(heights[i] + offset);
    add(heights[i] + offset);
  }
  return counts;
};
