import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'merge-busy-slots',
  title: 'Merge Busy Slots',
  difficulty: 'MEDIUM',
  topics: ['Intervals', 'Sorting'],
  statement: `A shared calendar holds busy slots \`[start, end]\` (with \`start ≤ end\`) in any order. Merge every pair of slots that overlap **or touch** (\`[1, 3]\` and \`[3, 5]\` become \`[1, 5]\`) until none do.

Return the merged slots sorted by start time.`,
  constraints: ['1 ≤ slots.length ≤ 10^4', '0 ≤ start ≤ end ≤ 10^6'],
  hints: ['Sort by start. Each slot either extends the last merged slot or starts a new one.'],
  entryPoint: {
    functionName: 'mergeSlots',
    params: [{ name: 'slots', type: 'int[][]' }],
    returnType: 'int[][]',
  },
  examples: [
    { args: [[[8, 10], [1, 3], [2, 6], [15, 18]]], expected: [[1, 6], [8, 10], [15, 18]], explanation: '[1, 3] and [2, 6] overlap.' },
    { args: [[[1, 3], [3, 5]]], expected: [[1, 5]], explanation: 'Touching slots merge.' },
  ],
  hidden: [
    { args: [[[4, 4]]], expected: [[4, 4]] },
    { args: [[[1, 10], [2, 3], [4, 5]]], expected: [[1, 10]] },
    { args: [[[5, 6], [1, 2], [3, 4]]], expected: [[1, 2], [3, 4], [5, 6]] },
    { args: [[[0, 0], [0, 2], [2, 2]]], expected: [[0, 2]] },
  ],
});

export const referenceSolution = (slots: number[][]): number[][] => {
  const merged: number[][] = [];
  for (const [start, end] of [...slots].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
};
