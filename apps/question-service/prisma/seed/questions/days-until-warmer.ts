import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'days-until-warmer',
  title: 'Days Until Warmer',
  difficulty: 'MEDIUM',
  topics: ['Stacks', 'Arrays'],
  statement: `Given daily temperatures \`temps\`, return an array \`wait\` where \`wait[i]\` is the number of days after day \`i\` until a strictly warmer day. If no warmer day follows, \`wait[i]\` is 0.`,
  constraints: ['1 ≤ temps.length ≤ 10^5', '-50 ≤ temps[i] ≤ 50'],
  hints: ['Keep a stack of days still waiting for a warmer one; their temperatures are non-increasing from bottom to top.'],
  entryPoint: {
    functionName: 'daysUntilWarmer',
    params: [{ name: 'temps', type: 'int[]' }],
    returnType: 'int[]',
  },
  examples: [
    { args: [[12, 14, 11, 10, 13, 16]], expected: [1, 4, 2, 1, 1, 0], explanation: 'Day 1 (14) waits until day 5 (16): 4 days.' },
    { args: [[5, 5, 5]], expected: [0, 0, 0], explanation: 'Equal is not warmer.' },
  ],
  hidden: [
    { args: [[7]], expected: [0] },
    { args: [[1, 2, 3, 4]], expected: [1, 1, 1, 0] },
    { args: [[-3, -5, -4, 0, -10]], expected: [3, 1, 1, 0, 0] },
  ],
});

export const referenceSolution = (temps: number[]): number[] => {
  const wait = new Array<number>(temps.length).fill(0);
  const pending: number[] = [];
  temps.forEach((temp, day) => {
    while (pending.length > 0 && temps[pending[pending.length - 1]] < temp) {
      const earlier = pending.pop() as number;
      wait[earlier] = day - earlier;
    }
    pending.push(day);
  });
  return wait;
};
