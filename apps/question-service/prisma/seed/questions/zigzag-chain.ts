import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'zigzag-chain',
  title: 'Zigzag a Chain',
  difficulty: 'MEDIUM',
  topics: ['Linked Lists', 'Two Pointers'],
  statement: `Given a singly linked list \`L0 → L1 → … → Ln\`, relink its nodes into the order \`L0 → Ln → L1 → Ln-1 → L2 → …\` and return the result.

**Representation.** The list is given and returned as the array of node values from head to tail. On real nodes, aim for O(1) extra space: find the middle, reverse the second half, then interleave.`,
  constraints: ['1 ≤ number of nodes ≤ 5·10^4', '1 ≤ node value ≤ 1000'],
  hints: ['Slow and fast pointers find the middle.', 'Reverse the second half in place, then take one node from each half in turn.'],
  entryPoint: {
    functionName: 'zigzagChain',
    params: [{ name: 'head', type: 'int[]' }],
    returnType: 'int[]',
  },
  examples: [
    { args: [[1, 2, 3, 4]], expected: [1, 4, 2, 3], explanation: 'First, last, second, second-to-last.' },
    { args: [[1, 2, 3, 4, 5]], expected: [1, 5, 2, 4, 3], explanation: 'With an odd length the middle node ends the list.' },
  ],
  hidden: [
    { args: [[9]], expected: [9] },
    { args: [[8, 3]], expected: [8, 3] },
    { args: [[10, 20, 30, 40, 50, 60]], expected: [10, 60, 20, 50, 30, 40] },
  ],
});

export const referenceSolution = (head: number[]): number[] => {
  const out: number[] = [];
  let front = 0;
  let back = head.length - 1;
  while (front <= back) {
    out.push(head[front++]);
    if (front <= back) out.push(head[back--]);
  }
  return out;
};
