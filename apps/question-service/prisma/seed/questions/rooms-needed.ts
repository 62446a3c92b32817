import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'rooms-needed',
  title: 'How Many Rooms?',
  difficulty: 'MEDIUM',
  topics: ['Intervals', 'Heaps', 'Sorting'],
  statement: `A conference has talks \`[start, end]\`, each occupying the half-open time \`[start, end)\`: a room freed at 10 can host a talk starting at 10.

Return the minimum number of rooms needed to host every talk.`,
  constraints: ['0 ≤ talks.length ≤ 10^4', '0 ≤ start < end ≤ 10^6'],
  hints: ['Sort talks by start; keep a min-heap of end times of rooms in use.', 'Alternatively sweep over sorted starts and sorted ends.'],
  entryPoint: {
    functionName: 'roomsNeeded',
    params: [{ name: 'talks', type: 'int[][]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[[0, 30], [5, 10], [15, 20]]], expected: 2, explanation: 'The 0–30 talk overlaps both others, which do not overlap each other.' },
    { args: [[[7, 10], [2, 4], [4, 7]]], expected: 1, explanation: 'The talks follow each other back to back.' },
  ],
  hidden: [
    { args: [[]], expected: 0 },
    { args: [[[1, 5], [1, 5], [1, 5]]], expected: 3 },
    { args: [[[1, 4], [2, 5], [3, 6], [4, 7], [5, 8]]], expected: 3 },
  ],
});

export const referenceSolution = (talks: number[][]): number => {
  const starts = talks.map((talk) => talk[0]).sort((a, b) => a - b);
  const ends = talks.map((talk) => talk[1]).sort((a, b) => a - b);
  let rooms = 0;
  let best = 0;
  let e = 0;
  for (const start of starts) {
    while (ends[e] <= start) {
      e++;
      rooms--;
    }
    rooms++;
    best = Math.max(best, rooms);
  }
  return best;
};
