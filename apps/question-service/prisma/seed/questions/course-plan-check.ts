import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'course-plan-check',
  title: 'Can the Course Plan Be Finished?',
  difficulty: 'MEDIUM',
  topics: ['Graphs'],
  statement: `A degree has \`n\` courses numbered \`0\` to \`n - 1\`. Each pair \`[course, before]\` in \`prerequisites\` says \`before\` must be completed before \`course\`.

Return \`true\` if there is an order in which every course can be taken.`,
  constraints: ['1 ≤ n ≤ 2000', '0 ≤ prerequisites.length ≤ 5000', '0 ≤ course, before < n; course ≠ before', 'No pair appears twice.'],
  hints: ['The plan is impossible exactly when the prerequisite graph has a cycle.', "Kahn's algorithm: repeatedly take a course with no unmet prerequisites."],
  entryPoint: {
    functionName: 'canFinish',
    params: [
      { name: 'n', type: 'int' },
      { name: 'prerequisites', type: 'int[][]' },
    ],
    returnType: 'bool',
  },
  examples: [
    { args: [3, [[1, 0], [2, 1]]], expected: true, explanation: 'Take 0, then 1, then 2.' },
    { args: [2, [[0, 1], [1, 0]]], expected: false, explanation: 'Each course waits for the other.' },
  ],
  hidden: [
    { args: [1, []], expected: true },
    { args: [4, [[1, 0], [2, 1], [3, 2], [1, 3]]], expected: false },
    { args: [5, [[1, 0], [2, 0], [3, 1], [3, 2], [4, 3]]], expected: true },
  ],
});

export const referenceSolution = (n: number, prerequisites: number[][]): boolean => {
  const unlocks: number[][] = Array.from({ length: n }, () => []);
  const waiting = new Array<number>(n).fill(0);
  for (const [course, before] of prerequisites) {
    unlocks[before].push(course);
    waiting[course]++;
  }
  const ready = waiting.flatMap((count, course) => (count === 0 ? [course] : []));
  let taken = 0;
  while (ready.length > 0) {
    const course = ready.pop() as number;
    taken++;
    for (const next of unlocks[course]) if (--waiting[next] === 0) ready.push(next);
  }
  return taken === n;
};
