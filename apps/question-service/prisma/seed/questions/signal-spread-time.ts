import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'signal-spread-time',
  title: 'Signal Spread Time',
  difficulty: 'HARD',
  topics: ['Graphs', 'Heaps'],
  statement: `A network has \`n\` relay stations numbered \`0\` to \`n - 1\`. Each entry \`[from, to, ms]\` of \`links\` is a one-way link that carries a signal from \`from\` to \`to\` in \`ms\` milliseconds. A station forwards a signal on all its outgoing links the moment it first receives it.

A signal starts at \`source\` at time 0. Return the time at which the last station receives it, or \`-1\` if some station never does.`,
  constraints: ['1 ≤ n ≤ 1000', '0 ≤ links.length ≤ 10^4', '0 ≤ from, to, source < n', '0 ≤ ms ≤ 1000', 'Links may repeat with different times.'],
  hints: ["Each station receives the signal at its shortest-path distance from the source: Dijkstra's algorithm with a min-heap.", 'The answer is the largest of those distances.'],
  entryPoint: {
    functionName: 'spreadTime',
    params: [
      { name: 'n', type: 'int' },
      { name: 'links', type: 'int[][]' },
      { name: 'source', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [4, [[1, 0, 1], [1, 2, 1], [2, 3, 1]], 1], expected: 2, explanation: 'Stations 0 and 2 receive it at 1 ms, station 3 at 2 ms.' },
    { args: [3, [[0, 1, 5]], 0], expected: -1, explanation: 'Station 2 has no incoming link.' },
  ],
  hidden: [
    { args: [1, [], 0], expected: 0 },
    { args: [3, [[0, 1, 10], [0, 2, 1], [2, 1, 2]], 0], expected: 3 },
    { args: [2, [[1, 0, 4]], 0], expected: -1 },
    { args: [5, [[0, 1, 2], [0, 2, 9], [1, 2, 3], [2, 3, 1], [1, 4, 20], [3, 4, 2], [0, 1, 1]], 0], expected: 7 },
  ],
});

export const referenceSolution = (n: number, links: number[][], source: number): number => {
  // O(n²) Dijkstra: simplest correct form for n ≤ 1000.
  const outgoing: number[][][] = Array.from({ length: n }, () => []);
  for (const [from, to, ms] of links) outgoing[from].push([to, ms]);
  const time = new Array<number>(n).fill(Infinity);
  const done = new Array<boolean>(n).fill(false);
  time[source] = 0;
  for (let round = 0; round < n; round++) {
    let station = -1;
    for (let s = 0; s < n; s++) if (!done[s] && (station === -1 || time[s] < time[station])) station = s;
    if (time[station] === Infinity) break;
    done[station] = true;
    for (const [to, ms] of outgoing[station]) time[to] = Math.min(time[to], time[station] + ms);
  }
  const last = Math.max(...time);
  return last === Infinity ? -1 : last;
};
