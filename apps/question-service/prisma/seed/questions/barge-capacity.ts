import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'barge-capacity',
  title: 'Smallest Barge Capacity',
  difficulty: 'MEDIUM',
  topics: ['Binary Search', 'Greedy'],
  statement: `Crates must cross a river by barge **in the given order**; crate \`i\` weighs \`crates[i]\`. Each day the barge is loaded with the next crates in line until the next one would exceed its capacity, then it makes one crossing.

Return the smallest whole-number capacity that moves every crate within \`days\` days.`,
  constraints: ['1 ≤ days ≤ crates.length ≤ 5·10^4', '1 ≤ crates[i] ≤ 500'],
  hints: ['The answer lies between max(crates) and sum(crates).', 'If capacity C works, every larger capacity works too — binary search on C.'],
  entryPoint: {
    functionName: 'smallestCapacity',
    params: [
      { name: 'crates', type: 'int[]' },
      { name: 'days', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [[3, 2, 2, 4, 1, 4], 3], expected: 6, explanation: 'Loads [3, 2], [2, 4], [1, 4] fit in 6; capacity 5 would need 4 days.' },
    { args: [[1, 2, 3, 1, 1], 4], expected: 3, explanation: 'Loads [1, 2], [3], [1, 1].' },
  ],
  hidden: [
    { args: [[7], 1], expected: 7 },
    { args: [[5, 5, 5], 1], expected: 15 },
    { args: [[5, 5, 5], 3], expected: 5 },
    { args: [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5], expected: 15 },
  ],
});

export const referenceSolution = (crates: number[], days: number): number => {
  const daysNeeded = (capacity: number): number => {
    let count = 1;
    let load = 0;
    for (const crate of crates) {
      if (load + crate > capacity) {
        count++;
        load = 0;
      }
      load += crate;
    }
    return count;
  };
  let low = Math.max(...crates);
  let high = crates.reduce((sum, crate) => sum + crate, 0);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (daysNeeded(mid) <= days) high = mid;
    else low = mid + 1;
  }
  return low;
};
