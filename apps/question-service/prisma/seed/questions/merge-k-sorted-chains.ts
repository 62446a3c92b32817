import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'merge-k-sorted-chains',
  title: 'Merge K Sorted Chains',
  difficulty: 'HARD',
  topics: ['Heaps', 'Linked Lists'],
  statement: `Each of \`k\` sensors produces a linked list of timestamps in non-decreasing order. Merge all the lists into one list in non-decreasing order.

**Representation.** Each list is given as the array of its node values from head to tail; \`chains\` is the array of those lists (some may be empty). Return the merged list the same way. Aim for O(N log k) where N is the total number of nodes.`,
  constraints: ['0 ≤ k ≤ 10^4', '0 ≤ total nodes ≤ 10^4', '-10^4 ≤ node value ≤ 10^4', 'Each list is sorted in non-decreasing order.'],
  hints: ['A min-heap holding the current head of each list yields the next smallest node in O(log k).', 'Or merge lists in pairs, halving their number each round.'],
  entryPoint: {
    functionName: 'mergeChains',
    params: [{ name: 'chains', type: 'int[][]' }],
    returnType: 'int[]',
  },
  examples: [
    { args: [[[1, 4, 5], [1, 3, 4], [2, 6]]], expected: [1, 1, 2, 3, 4, 4, 5, 6], explanation: 'All eight nodes in order.' },
    { args: [[[], [0]]], expected: [0], explanation: 'Empty lists contribute nothing.' },
  ],
  hidden: [
    { args: [[]], expected: [] },
    { args: [[[], []]], expected: [] },
    { args: [[[5], [4], [3], [2], [1]]], expected: [1, 2, 3, 4, 5] },
    { args: [[[-3, 0, 0], [-3], [0, 10]]], expected: [-3, -3, 0, 0, 0, 10] },
  ],
});

/** A binary min-heap of [value, chain, index] entries, ordered by value. */
export const referenceSolution = (chains: number[][]): number[] => {
  const heap: number[][] = [];
  const push = (entry: number[]): void => {
    heap.push(entry);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (heap[parent][0] <= heap[i][0]) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  };
  const pop = (): number[] => {
    const top = heap[0];
    const last = heap.pop() as number[];
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        let smallest = i;
        for (const child of [2 * i + 1, 2 * i + 2]) {
          if (child < heap.length && heap[child][0] < heap[smallest][0]) smallest = child;
        }
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
        i = smallest;
      }
    }
    return top;
  };
  chains.forEach((chain, c) => chain.length > 0 && push([chain[0], c, 0]));
  const merged: number[] = [];
  while (heap.length > 0) {
    const [value, c, index] = pop();
    merged.push(value);
    if (index + 1 < chains[c].length) push([chains[c][index + 1], c, index + 1]);
  }
  return merged;
};
