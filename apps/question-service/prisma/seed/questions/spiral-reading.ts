import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'spiral-reading',
  title: 'Spiral Reading',
  difficulty: 'MEDIUM',
  topics: ['Matrices'],
  statement: `Read the matrix \`grid\` in a clockwise spiral: along the top row left to right, down the right column, along the bottom row right to left, up the left column, then continue inwards. Return the values in the order read.`,
  constraints: ['1 ≤ rows, cols ≤ 50', '-100 ≤ grid[r][c] ≤ 100'],
  hints: ['Track four boundaries (top, bottom, left, right) and shrink one after each side is read.', 'Guard against reading a row or column twice when the remaining area is a single line.'],
  entryPoint: {
    functionName: 'spiralOrder',
    params: [{ name: 'grid', type: 'int[][]' }],
    returnType: 'int[]',
  },
  examples: [
    { args: [[[1, 2, 3], [4, 5, 6], [7, 8, 9]]], expected: [1, 2, 3, 6, 9, 8, 7, 4, 5], explanation: 'The outer ring, then the centre.' },
    { args: [[[1, 2, 3, 4], [5, 6, 7, 8]]], expected: [1, 2, 3, 4, 8, 7, 6, 5], explanation: 'Two rows: right along the top, back along the bottom.' },
  ],
  hidden: [
    { args: [[[7]]], expected: [7] },
    { args: [[[1], [2], [3]]], expected: [1, 2, 3] },
    { args: [[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]], expected: [1, 2, 3, 4, 8, 12, 11, 10, 9, 5, 6, 7] },
  ],
});

export const referenceSolution = (grid: number[][]): number[] => {
  const out: number[] = [];
  let top = 0;
  let bottom = grid.length - 1;
  let left = 0;
  let right = grid[0].length - 1;
  while (top <= bottom && left <= right) {
    for (let c = left; c <= right; c++) out.push(grid[top][c]);
    for (let r = top + 1; r <= bottom; r++) out.push(grid[r][right]);
    if (top < bottom) for (let c = right - 1; c >= left; c--) out.push(grid[bottom][c]);
    if (left < right) for (let r = bottom - 1; r > top; r--) out.push(grid[r][left]);
    top++;
    bottom--;
    left++;
    right--;
  }
  return out;
};
