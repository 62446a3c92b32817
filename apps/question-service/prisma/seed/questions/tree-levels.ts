import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'tree-levels',
  title: 'Tree, Level by Level',
  difficulty: 'MEDIUM',
  topics: ['Trees', 'Queues'],
  statement: `Return the values of a binary tree grouped by depth: the first list holds the root, the next its children from left to right, and so on. The empty tree gives \`[]\`.

**Representation.** The tree is given in level order, left to right. Node values are non-negative; \`-1\` marks a missing child. Children of missing nodes are not listed, and trailing \`-1\`s may be omitted: \`[3, 9, 20, -1, -1, 15, 7]\` is a root 3 with a leaf 9 on the left and a node 20 (children 15 and 7) on the right.`,
  constraints: ['0 ≤ number of nodes ≤ 2000', '0 ≤ node value ≤ 1000'],
  hints: ['Breadth-first search with a queue; process the queue one level (its current length) at a time.'],
  entryPoint: {
    functionName: 'levels',
    params: [{ name: 'levelOrder', type: 'int[]' }],
    returnType: 'int[][]',
  },
  examples: [
    { args: [[3, 9, 20, -1, -1, 15, 7]], expected: [[3], [9, 20], [15, 7]], explanation: 'Three depths.' },
    { args: [[1, -1, 2, 3]], expected: [[1], [2], [3]], explanation: '1 has only a right child 2, whose left child is 3.' },
  ],
  hidden: [
    { args: [[]], expected: [] },
    { args: [[5]], expected: [[5]] },
    { args: [[1, 2, 3, 4, -1, -1, 5]], expected: [[1], [2, 3], [4, 5]] },
  ],
});

export const referenceSolution = (levelOrder: number[]): number[][] => {
  if (levelOrder.length === 0 || levelOrder[0] === -1) return [];
  const result: number[][] = [];
  let level = [levelOrder[0]];
  let next = 1;
  while (level.length > 0) {
    result.push(level);
    const children: number[] = [];
    for (let i = 0; i < level.length * 2; i++, next++) {
      if (next < levelOrder.length && levelOrder[next] !== -1) children.push(levelOrder[next]);
    }
    level = children;
  }
  return result;
};
