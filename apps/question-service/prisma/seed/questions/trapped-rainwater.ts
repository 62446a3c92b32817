import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'trapped-rainwater',
  title: 'Trapped Rainwater',
  difficulty: 'HARD',
  topics: ['Two Pointers', 'Stacks'],
  statement: `A city skyline is drawn as bars of width 1; bar \`i\` is \`heights[i]\` units tall. After a heavy rain, water collects in the dips between bars (and runs off both ends).

Return the total units of water trapped.`,
  constraints: ['1 ≤ heights.length ≤ 2·10^4', '0 ≤ heights[i] ≤ 10^5'],
  hints: ['Water above bar i = min(tallest bar to its left, tallest to its right) − heights[i], if positive.', 'Two pointers moving inward from the lower side avoid the extra arrays.'],
  entryPoint: {
    functionName: 'trappedWater',
    params: [{ name: 'heights', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1]], expected: 6, explanation: '1 + 1 + 2 + 1 + 1 units sit in the three dips.' },
    { args: [[4, 2, 0, 3, 2, 5]], expected: 9, explanation: '2 + 4 + 1 + 2 units between the 4 and the 5.' },
  ],
  hidden: [
    { args: [[7]], expected: 0 },
    { args: [[1, 2, 3, 4]], expected: 0 },
    { args: [[5, 0, 5]], expected: 5 },
    { args: [[3, 0, 0, 2, 0, 4]], expected: 10 },
  ],
});

export const referenceSolution = (heights: number[]): number => {
  let left = 0;
  let right = heights.length - 1;
  let leftMax = 0;
  let rightMax = 0;
  let water = 0;
  while (left < right) {
    if (heights[left] < heights[right]) {
      leftMax = Math.max(leftMax, heights[left]);
      water += leftMax - heights[left++];
    } else {
      rightMax = Math.max(rightMax, heights[right]);
      water += rightMax - heights[right--];
    }
  }
  return water;
};
