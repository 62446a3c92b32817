import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'tree-cameras',
  title: 'Cameras on a Tree',
  difficulty: 'HARD',
  topics: ['Trees', 'Greedy', 'Dynamic Programming'],
  statement: `A park's paths form a binary tree. A camera installed at a node watches that node, its parent and its children.

Return the minimum number of cameras needed so that every node is watched.

**Representation.** The tree is given in level order, left to right. Node values are non-negative (they do not matter here); \`-1\` marks a missing child. Children of missing nodes are not listed, and trailing \`-1\`s may be omitted. The tree has at least one node.`,
  constraints: ['1 ≤ number of nodes ≤ 1000', '0 ≤ node value ≤ 1000'],
  hints: ['Never put a camera on a leaf: its parent covers more.', 'Post-order: each node reports "needs watching", "has camera" or "watched"; a parent of a node that needs watching must take a camera.'],
  entryPoint: {
    functionName: 'minCameras',
    params: [{ name: 'levelOrder', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[0, 0, -1, 0, 0]], expected: 1, explanation: 'One camera on the root\'s left child watches all four nodes.' },
    { args: [[0, 0, -1, 0, -1, 0, -1, -1, 0]], expected: 2, explanation: 'A path of five nodes: cameras on the 2nd and 4th.' },
  ],
  hidden: [
    { args: [[0]], expected: 1 },
    { args: [[0, 0, 0]], expected: 1 },
    { args: [[0, 0, 0, 0, 0, 0, 0]], expected: 2 },
    { args: [[0, 0, -1, 0, -1, 0]], expected: 2 },
  ],
});

export const referenceSolution = (levelOrder: number[]): number => {
  // Rebuild child links from the level-order list.
  const left: number[] = [];
  const right: number[] = [];
  const queue = [0];
  let next = 1;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    left[node] = -1;
    right[node] = -1;
    for (const side of [left, right]) {
      if (next < levelOrder.length && levelOrder[next] !== -1) {
        side[node] = next;
        queue.push(next);
      }
      next++;
    }
  }
  // 0 = needs watching, 1 = has a camera, 2 = watched without a camera.
  let cameras = 0;
  const visit = (node: number): number => {
    if (node === -1) return 2;
    const l = visit(left[node]);
    const r = visit(right[node]);
    if (l === 0 || r === 0) {
      cameras++;
      return 1;
    }
    return l === 1 || r === 1 ? 2 : 0;
  };
  if (visit(0) === 0) cameras++;
  return cameras;
};
