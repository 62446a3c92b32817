import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'zero-sum-triples',
  title: 'Zero-Sum Triples',
  difficulty: 'MEDIUM',
  topics: ['Two Pointers', 'Sorting'],
  statement: `A ledger auditor looks for three entries that cancel out. Given \`entries\`, return every distinct triple of values \`[a, b, c]\` taken from three different positions with \`a + b + c = 0\`.

**Canonical output.** Each triple is sorted ascending; the list of triples is sorted lexicographically; no triple appears twice.`,
  constraints: ['0 ≤ entries.length ≤ 3000', '-10^5 ≤ entries[i] ≤ 10^5'],
  hints: ['Sort first. Fix the smallest value, then find pairs for the rest with two pointers.', 'Skip equal neighbours to avoid duplicate triples.'],
  entryPoint: {
    functionName: 'zeroSumTriples',
    params: [{ name: 'entries', type: 'int[]' }],
    returnType: 'int[][]',
  },
  examples: [
    { args: [[-1, 0, 1, 2, -1, -4]], expected: [[-1, -1, 2], [-1, 0, 1]], explanation: 'The two -1 entries allow [-1, -1, 2]; [-1, 0, 1] is listed once.' },
    { args: [[1, 2, -2]], expected: [], explanation: 'No three entries cancel out.' },
  ],
  hidden: [
    { args: [[]], expected: [] },
    { args: [[0, 0, 0, 0]], expected: [[0, 0, 0]] },
    { args: [[-2, 0, 1, 1, 2]], expected: [[-2, 0, 2], [-2, 1, 1]] },
    { args: [[3, -3, 0, -6, 3, 6]], expected: [[-6, 0, 6], [-6, 3, 3], [-3, 0, 3]] },
  ],
});

export const referenceSolution = (entries: number[]): number[][] => {
  const sorted = [...entries].sort((a, b) => a - b);
  const triples: number[][] = [];
  for (let i = 0; i < sorted.length - 2; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    let low = i + 1;
    let high = sorted.length - 1;
    while (low < high) {
      const sum = sorted[i] + sorted[low] + sorted[high];
      if (sum < 0) low++;
      else if (sum > 0) high--;
      else {
        triples.push([sorted[i], sorted[low], sorted[high]]);
        while (low < high && sorted[low] === sorted[low + 1]) low++;
        low++;
        high--;
      }
    }
  }
  return triples;
};
