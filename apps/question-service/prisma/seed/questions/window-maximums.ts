import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'window-maximums',
  title: 'Peak Load per Window',
  difficulty: 'HARD',
  topics: ['Queues', 'Sliding Window'],
  statement: `A server logs its load once per second in \`load\`. For every window of \`k\` consecutive seconds, report the peak load inside it.

Return the peaks in window order (there are \`load.length - k + 1\` windows). Aim for O(n) overall.`,
  constraints: ['1 ≤ k ≤ load.length ≤ 10^5', '-10^4 ≤ load[i] ≤ 10^4'],
  hints: ['Keep a double-ended queue of indices whose values are decreasing; the front is the current peak.', 'Drop indices from the front once they leave the window, and from the back when a larger value arrives.'],
  entryPoint: {
    functionName: 'windowPeaks',
    params: [
      { name: 'load', type: 'int[]' },
      { name: 'k', type: 'int' },
    ],
    returnType: 'int[]',
  },
  examples: [
    { args: [[1, 3, -1, -3, 5, 3, 6, 7], 3], expected: [3, 3, 5, 5, 6, 7], explanation: 'Windows [1,3,-1], [3,-1,-3], [-1,-3,5], [-3,5,3], [5,3,6], [3,6,7].' },
    { args: [[4, 2], 1], expected: [4, 2], explanation: 'Each window is a single second.' },
  ],
  hidden: [
    { args: [[9], 1], expected: [9] },
    { args: [[1, 2, 3], 3], expected: [3] },
    { args: [[5, 4, 3, 2, 1], 2], expected: [5, 4, 3, 2] },
    { args: [[-7, -8, 7, 5, 7, 1, 6, 0], 4], expected: [7, 7, 7, 7, 7] },
  ],
});

export const referenceSolution = (load: number[], k: number): number[] => {
  const deque: number[] = [];
  let head = 0;
  const peaks: number[] = [];
  load.forEach((value, i) => {
    while (deque.length > head && load[deque[deque.length - 1]] <= value) deque.pop();
    deque.push(i);
    if (deque[head] <= i - k) head++;
    if (i >= k - 1) peaks.push(load[deque[head]]);
  });
  return peaks;
};
