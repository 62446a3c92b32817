import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'paths-around-rocks',
  title: 'Paths Around the Rocks',
  difficulty: 'MEDIUM',
  topics: ['Dynamic Programming', 'Matrices'],
  statement: `A robot starts in the top-left cell of \`field\` and must reach the bottom-right cell, moving only right or down. Cells marked \`1\` hold rocks and cannot be entered; \`0\` cells are free.

Return the number of different routes. If the start or the end holds a rock, there are none.`,
  constraints: ['1 ≤ rows, cols ≤ 100', 'field[r][c] is 0 or 1', 'The answer fits in a 32-bit signed integer.'],
  hints: ['routes(r, c) = routes(r-1, c) + routes(r, c-1), and 0 on a rock.'],
  entryPoint: {
    functionName: 'countRoutes',
    params: [{ name: 'field', type: 'int[][]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[[0, 0, 0], [0, 1, 0], [0, 0, 0]]], expected: 2, explanation: 'Around the rock either over the top or along the bottom.' },
    { args: [[[0, 0], [0, 0]]], expected: 2, explanation: 'Right then down, or down then right.' },
  ],
  hidden: [
    { args: [[[0]]], expected: 1 },
    { args: [[[1]]], expected: 0 },
    { args: [[[0, 1], [1, 0]]], expected: 0 },
    { args: [[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]], expected: 10 },
    { args: [[[0, 0, 0], [0, 0, 0], [0, 0, 1]]], expected: 0 },
  ],
});

export const referenceSolution = (field: number[][]): number => {
  const cols = field[0].length;
  const routes = new Array<number>(cols).fill(0);
  routes[0] = 1;
  for (const row of field) {
    for (let c = 0; c < cols; c++) {
      if (row[c] === 1) routes[c] = 0;
      else if (c > 0) routes[c] += routes[c - 1];
    }
  }
  return routes[cols - 1];
};
