import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'fewest-hops',
  title: 'Fewest Hops',
  difficulty: 'MEDIUM',
  topics: ['Graphs', 'Queues'],
  statement: `A mesh network has \`n\` routers numbered \`0\` to \`n - 1\` and two-way links \`links[i] = [a, b]\`. A packet travels one link per hop.

Return the fewest hops needed to send a packet from \`source\` to \`target\`, or \`-1\` if it cannot arrive. Sending to yourself takes 0 hops.`,
  constraints: ['1 ≤ n ≤ 10^4', '0 ≤ links.length ≤ 2·10^4', '0 ≤ a, b, source, target < n'],
  hints: ['In an unweighted graph, breadth-first search visits routers in order of hop count.'],
  entryPoint: {
    functionName: 'fewestHops',
    params: [
      { name: 'n', type: 'int' },
      { name: 'links', type: 'int[][]' },
      { name: 'source', type: 'int' },
      { name: 'target', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [5, [[0, 1], [1, 2], [2, 3], [0, 4], [4, 3]], 0, 3], expected: 2, explanation: '0 → 4 → 3 beats 0 → 1 → 2 → 3.' },
    { args: [4, [[0, 1], [2, 3]], 0, 3], expected: -1, explanation: 'Router 3 is in a different part of the network.' },
  ],
  hidden: [
    { args: [1, [], 0, 0], expected: 0 },
    { args: [3, [[0, 1], [1, 2], [0, 1]], 2, 0], expected: 2 },
    { args: [6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]], 0, 3], expected: 3 },
  ],
});

export const referenceSolution = (n: number, links: number[][], source: number, target: number): number => {
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of links) {
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  const hops = new Array<number>(n).fill(-1);
  hops[source] = 0;
  const queue = [source];
  for (let head = 0; head < queue.length; head++) {
    const router = queue[head];
    for (const next of neighbours[router]) {
      if (hops[next] === -1) {
        hops[next] = hops[router] + 1;
        queue.push(next);
      }
    }
  }
  return hops[target];
};
