import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'no-double-booking',
  title: 'No Double Booking',
  difficulty: 'EASY',
  topics: ['Intervals', 'Sorting'],
  statement: `A single meeting room has a list of bookings; booking \`i\` is \`[start, end]\` and occupies the half-open time \`[start, end)\`. A booking that ends at 10 does not clash with one that starts at 10.

Return \`true\` when no two bookings overlap.`,
  constraints: ['0 ≤ bookings.length ≤ 10^4', '0 ≤ start < end ≤ 10^6'],
  hints: ['After sorting by start time, only neighbours can overlap.'],
  entryPoint: {
    functionName: 'canHostAll',
    params: [{ name: 'bookings', type: 'int[][]' }],
    returnType: 'bool',
  },
  examples: [
    { args: [[[9, 10], [13, 15], [10, 12]]], expected: true, explanation: 'Sorted: 9–10, 10–12, 13–15. Touching ends are fine.' },
    { args: [[[1, 5], [4, 6]]], expected: false, explanation: 'Both bookings want the room between 4 and 5.' },
  ],
  hidden: [
    { args: [[]], expected: true },
    { args: [[[3, 4]]], expected: true },
    { args: [[[0, 100], [20, 30], [200, 300]]], expected: false },
    { args: [[[5, 6], [1, 2], [2, 5]]], expected: true },
  ],
});

export const referenceSolution = (bookings: number[][]): boolean => {
  const sorted = [...bookings].sort((a, b) => a[0] - b[0]);
  return sorted.every((booking, i) => i === 0 || sorted[i - 1][1] <= booking[0]);
};
