import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'diagonal-sum',
  title: 'Sum of Both Diagonals',
  difficulty: 'EASY',
  topics: ['Matrices'],
  statement: `Given a square matrix \`grid\`, return the sum of the cells on its main diagonal (top-left to bottom-right) and on its anti-diagonal (top-right to bottom-left). A cell on both diagonals — the centre of an odd-sized matrix — is counted once.`,
  constraints: ['1 ≤ n = grid.length = grid[i].length ≤ 100', '-100 ≤ grid[i][j] ≤ 100'],
  hints: ['Cell (i, i) is on the main diagonal and (i, n-1-i) on the other; they coincide only when i = n-1-i.'],
  entryPoint: {
    functionName: 'diagonalSum',
    params: [{ name: 'grid', type: 'int[][]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[[1, 2, 3], [4, 5, 6], [7, 8, 9]]], expected: 25, explanation: '1 + 5 + 9 + 3 + 7; the centre 5 is counted once.' },
    { args: [[[2, 0], [0, 3]]], expected: 5, explanation: '2 + 3 + 0 + 0.' },
  ],
  hidden: [
    { args: [[[-7]]], expected: -7 },
    { args: [[[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]], expected: 8 },
    { args: [[[5, -1, 2], [0, -3, 0], [4, 0, 6]]], expected: 14 },
  ],
});

export const referenceSolution = (grid: number[][]): number => {
  const n = grid.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += grid[i][i];
    if (i !== n - 1 - i) sum += grid[i][n - 1 - i];
  }
  return sum;
};
