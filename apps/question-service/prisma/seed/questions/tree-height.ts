import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'tree-height',
  title: 'How Tall Is the Tree?',
  difficulty: 'EASY',
  topics: ['Trees', 'Recursion'],
  statement: `Return the number of nodes on the longest path from the root of a binary tree down to a leaf. The empty tree has height 0.

**Representation.** The tree is given in level order, left to right. Node values are non-negative; \`-1\` marks a missing child. Children of missing nodes are not listed, and trailing \`-1\`s may be omitted. For example \`[3, 9, 20, -1, -1, 15, 7]\` is a root 3 with a leaf 9 on the left and a node 20 (children 15 and 7) on the right. \`[]\` is the empty tree.`,
  constraints: ['0 ≤ number of nodes ≤ 10^4', '0 ≤ node value ≤ 1000'],
  hints: ['height(node) = 1 + max(height(left), height(right)).', 'Or count levels with a breadth-first traversal.'],
  entryPoint: {
    functionName: 'treeHeight',
    params: [{ name: 'levelOrder', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[3, 9, 20, -1, -1, 15, 7]], expected: 3, explanation: 'The path 3 → 20 → 15 has three nodes.' },
    { args: [[1, -1, 2, -1, 3]], expected: 3, explanation: 'Each node has only a right child: 1 → 2 → 3.' },
  ],
  hidden: [
    { args: [[]], expected: 0 },
    { args: [[0]], expected: 1 },
    { args: [[1, 2, 3, 4, 5, 6, 7]], expected: 3 },
    { args: [[1, 2, -1, 3, -1, 4, -1, 5]], expected: 5 },
  ],
});

export const referenceSolution = (levelOrder: number[]): number => {
  if (levelOrder.length === 0 || levelOrder[0] === -1) return 0;
  // Walk the level-order list one level at a time: each present node consumes two slots.
  let level = 1;
  let height = 0;
  let next = 1;
  while (level > 0) {
    height++;
    let children = 0;
    for (let i = 0; i < level; i++) {
      for (let side = 0; side < 2; side++, next++) {
        if (next < levelOrder.length && levelOrder[next] !== -1) children++;
      }
    }
    level = children;
  }
  return height;
};
