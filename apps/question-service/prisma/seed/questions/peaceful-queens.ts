import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'peaceful-queens',
  title: 'Peaceful Queens',
  difficulty: 'HARD',
  topics: ['Recursion'],
  statement: `Place \`n\` chess queens on an \`n × n\` board so that no two attack each other: no two share a row, a column or a diagonal.

Return the number of distinct placements. Placements that are rotations or reflections of each other count separately.`,
  constraints: ['1 ≤ n ≤ 10'],
  hints: ['Place one queen per row, recursively, and backtrack when a row has no safe column.', 'Track used columns and both diagonal directions (row + col and row − col) in sets or bit masks.'],
  entryPoint: {
    functionName: 'countPlacements',
    params: [{ name: 'n', type: 'int' }],
    returnType: 'int',
  },
  examples: [
    { args: [4], expected: 2, explanation: 'Queens in columns [1, 3, 0, 2] by row, and its mirror [2, 0, 3, 1].' },
    { args: [3], expected: 0, explanation: 'Three queens on a 3 × 3 board always clash.' },
  ],
  hidden: [
    { args: [1], expected: 1 },
    { args: [2], expected: 0 },
    { args: [6], expected: 4 },
    { args: [8], expected: 92 },
    { args: [10], expected: 724 },
  ],
});

export const referenceSolution = (n: number): number => {
  const place = (row: number, columns: number, rising: number, falling: number): number => {
    if (row === n) return 1;
    let count = 0;
    for (let col = 0; col < n; col++) {
      const a = 1 << col;
      const b = 1 << (row + col);
      const c = 1 << (row - col + n);
      if (columns & a || rising & b || falling & c) continue;
      count += place(row + 1, columns | a, rising | b, falling | c);
    }
    return count;
  };
  return place(0, 0, 0, 0);
};
