import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'staircase-strides',
  title: 'Staircase Strides',
  difficulty: 'EASY',
  topics: ['Dynamic Programming', 'Recursion'],
  statement: `A runner trains on a staircase of \`n\` steps. With each stride she climbs 1, 2 or 3 steps, and she must land exactly on the top step.

Return the number of different stride sequences that take her from the ground (step 0) to step \`n\`.`,
  constraints: ['0 ≤ n ≤ 30'],
  hints: ['The last stride was 1, 2 or 3 steps long, so ways(n) = ways(n-1) + ways(n-2) + ways(n-3).', 'There is exactly one way to climb 0 steps: do nothing.'],
  entryPoint: {
    functionName: 'countStrides',
    params: [{ name: 'n', type: 'int' }],
    returnType: 'int',
  },
  examples: [
    { args: [3], expected: 4, explanation: '1+1+1, 1+2, 2+1 and 3.' },
    { args: [4], expected: 7, explanation: 'ways(3) + ways(2) + ways(1) = 4 + 2 + 1.' },
  ],
  hidden: [
    { args: [0], expected: 1 },
    { args: [1], expected: 1 },
    { args: [10], expected: 274 },
    { args: [30], expected: 53798080 },
  ],
});

export const referenceSolution = (n: number): number => {
  const ways = [1, 1, 2];
  for (let step = 3; step <= n; step++) ways[step] = ways[step - 1] + ways[step - 2] + ways[step - 3];
  return ways[n];
};
