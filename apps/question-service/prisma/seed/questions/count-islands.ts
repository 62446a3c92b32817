import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'count-islands',
  title: 'Count the Islands',
  difficulty: 'MEDIUM',
  topics: ['Graphs', 'Matrices'],
  statement: `A satellite map \`grid\` marks land with \`1\` and water with \`0\`. Land cells connected horizontally or vertically (not diagonally) form one island.

Return the number of islands.`,
  constraints: ['1 ≤ rows, cols ≤ 300', 'grid[r][c] is 0 or 1'],
  hints: ['Every time you meet unvisited land, count an island and flood-fill it (DFS or BFS) so it is not counted again.'],
  entryPoint: {
    functionName: 'countIslands',
    params: [{ name: 'grid', type: 'int[][]' }],
    returnType: 'int',
  },
  examples: [
    {
      args: [[[1, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 1], [0, 0, 0, 0]]],
      expected: 2,
      explanation: 'The top-left block and the L-shape on the right.',
    },
    { args: [[[1, 0], [0, 1]]], expected: 2, explanation: 'Diagonal neighbours are not connected.' },
  ],
  hidden: [
    { args: [[[0]]], expected: 0 },
    { args: [[[1]]], expected: 1 },
    { args: [[[1, 0, 1, 0, 1]]], expected: 3 },
    { args: [[[1, 1, 1], [1, 0, 1], [1, 1, 1]]], expected: 1 },
  ],
});

export const referenceSolution = (grid: number[][]): number => {
  const seen = grid.map((row) => row.map(() => false));
  let islands = 0;
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      if (grid[r][c] !== 1 || seen[r][c]) continue;
      islands++;
      const stack = [[r, c]];
      seen[r][c] = true;
      while (stack.length > 0) {
        const [y, x] = stack.pop() as number[];
        for (const [dy, dx] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
          const ny = y + dy;
          const nx = x + dx;
          if (grid[ny]?.[nx] === 1 && !seen[ny][nx]) {
            seen[ny][nx] = true;
            stack.push([ny, nx]);
          }
        }
      }
    }
  }
  return islands;
};
