import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'total-bit-differences',
  title: 'Total Bit Differences',
  difficulty: 'MEDIUM',
  topics: ['Bit Manipulation'],
  statement: `The *bit difference* of two non-negative integers is the number of positions at which their binary representations differ (\`4 = 100\` and \`1 = 001\` differ in 2 positions).

Given \`codes\`, return the sum of bit differences over all unordered pairs \`i < j\`. An O(n²) loop is too slow for the largest inputs.`,
  constraints: ['1 ≤ codes.length ≤ 10^4', '0 ≤ codes[i] < 2^30'],
  hints: ['Look at one bit position at a time: if k numbers have that bit set, it contributes k × (n − k).'],
  entryPoint: {
    functionName: 'totalBitDifferences',
    params: [{ name: 'codes', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[4, 14, 2]], expected: 6, explanation: '4 vs 14: 2, 4 vs 2: 2, 14 vs 2: 2.' },
    { args: [[7, 7]], expected: 0, explanation: 'Identical numbers never differ.' },
  ],
  hidden: [
    { args: [[0]], expected: 0 },
    { args: [[0, 1, 2, 3]], expected: 8 },
    { args: [[1073741823, 0]], expected: 30 },
  ],
});

export const referenceSolution = (codes: number[]): number => {
  let total = 0;
  for (let bit = 0; bit < 30; bit++) {
    const set = codes.filter((code) => (code >> bit) & 1).length;
    total += set * (codes.length - set);
  }
  return total;
};
