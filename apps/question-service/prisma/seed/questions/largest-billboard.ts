import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'largest-billboard',
  title: 'Largest Billboard on the Skyline',
  difficulty: 'HARD',
  topics: ['Stacks', 'Arrays'],
  statement: `Buildings of width 1 stand side by side; building \`i\` is \`heights[i]\` tall. An advertiser wants to paint one axis-aligned rectangle across the fronts of consecutive buildings, no higher than the shortest building it covers.

Return the largest possible rectangle area.`,
  constraints: ['1 ≤ heights.length ≤ 10^5', '0 ≤ heights[i] ≤ 10^4'],
  hints: ['For each building, find how far the rectangle of its height extends left and right: up to the nearest shorter building on each side.', 'A stack of increasing heights finds those neighbours in one pass.'],
  entryPoint: {
    functionName: 'largestBillboard',
    params: [{ name: 'heights', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[2, 1, 5, 6, 2, 3]], expected: 10, explanation: 'Height 5 across the buildings of heights 5 and 6.' },
    { args: [[2, 4]], expected: 4, explanation: 'Either 4 × 1 or 2 × 2.' },
  ],
  hidden: [
    { args: [[0]], expected: 0 },
    { args: [[3, 3, 3, 3]], expected: 12 },
    { args: [[1, 2, 3, 4, 5]], expected: 9 },
    { args: [[6, 2, 5, 4, 5, 1, 6]], expected: 12 },
  ],
});

export const referenceSolution = (heights: number[]): number => {
  const rising: number[] = [];
  let best = 0;
  for (let i = 0; i <= heights.length; i++) {
    const height = i === heights.length ? 0 : heights[i];
    while (rising.length > 0 && heights[rising[rising.length - 1]] >= height) {
      const top = rising.pop() as number;
      const left = rising.length > 0 ? rising[rising.length - 1] + 1 : 0;
      best = Math.max(best, heights[top] * (i - left));
    }
    rising.push(i);
  }
  return best;
};
