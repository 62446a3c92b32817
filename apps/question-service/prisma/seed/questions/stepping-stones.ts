import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'stepping-stones',
  title: 'Stepping Stones',
  difficulty: 'MEDIUM',
  topics: ['Greedy', 'Arrays'],
  statement: `A frog stands on stone 0 of a row of stones. From stone \`i\` it can leap forward to any stone up to \`reach[i]\` positions ahead (a reach of 0 means it is stuck there).

Return \`true\` if the frog can get to the last stone.`,
  constraints: ['1 ≤ reach.length ≤ 10^5', '0 ≤ reach[i] ≤ 10^5'],
  hints: ['Track the farthest stone reachable so far; if you ever stand beyond it, you are stuck.'],
  entryPoint: {
    functionName: 'canCross',
    params: [{ name: 'reach', type: 'int[]' }],
    returnType: 'bool',
  },
  examples: [
    { args: [[2, 3, 1, 1, 4]], expected: true, explanation: 'Leap 1 to stone 1, then 3 to the last stone.' },
    { args: [[3, 2, 1, 0, 4]], expected: false, explanation: 'Every route lands on stone 3, whose reach is 0.' },
  ],
  hidden: [
    { args: [[0]], expected: true },
    { args: [[0, 1]], expected: false },
    { args: [[1, 1, 1, 1]], expected: true },
    { args: [[5, 0, 0, 0, 0, 0]], expected: true },
    { args: [[1, 0, 1]], expected: false },
  ],
});

export const referenceSolution = (reach: number[]): boolean => {
  let farthest = 0;
  for (let i = 0; i < reach.length; i++) {
    if (i > farthest) return false;
    farthest = Math.max(farthest, i + reach[i]);
  }
  return true;
};
