import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'common-tile-size',
  title: 'Largest Common Tile Size',
  difficulty: 'EASY',
  topics: ['Math'],
  statement: `A tiler must cover several corridors, each \`lengths[i]\` centimetres long, using square tiles that all have the same whole-number side and are never cut.

Return the largest tile side that divides every corridor length exactly.`,
  constraints: ['1 ≤ lengths.length ≤ 10^4', '1 ≤ lengths[i] ≤ 10^9'],
  hints: ['This is the greatest common divisor of all lengths; gcd(a, b) = gcd(b, a mod b).'],
  entryPoint: {
    functionName: 'largestTile',
    params: [{ name: 'lengths', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[12, 18, 30]], expected: 6, explanation: '6 divides 12, 18 and 30; no larger number does.' },
    { args: [[7, 5]], expected: 1, explanation: '7 and 5 share no factor above 1.' },
  ],
  hidden: [
    { args: [[1000000000]], expected: 1000000000 },
    { args: [[48, 48, 48]], expected: 48 },
    { args: [[1000000000, 999999999]], expected: 1 },
    { args: [[84, 126, 210]], expected: 42 },
  ],
});

export const referenceSolution = (lengths: number[]): number => {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  return lengths.reduce(gcd);
};
