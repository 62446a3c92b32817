import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'max-xor-pair',
  title: 'Most Different Pair of Keys',
  difficulty: 'HARD',
  topics: ['Bit Manipulation'],
  statement: `A security audit measures how different two access keys are by the bitwise XOR of their values. Given \`keys\`, return the largest \`keys[i] XOR keys[j]\` over all \`i ≤ j\` (so a single key gives 0).

The quadratic check of every pair is too slow for the largest input.`,
  constraints: ['1 ≤ keys.length ≤ 2·10^5', '0 ≤ keys[i] < 2^31'],
  hints: ['Build the answer bit by bit from the highest: can the answer have this bit set, given the bits chosen so far?', 'Use the prefixes of all keys in a set: a ^ b = c ⇔ a ^ c = b. A binary trie works too.'],
  entryPoint: {
    functionName: 'maxXor',
    params: [{ name: 'keys', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[3, 10, 5, 25, 2, 8]], expected: 28, explanation: '5 XOR 25 = 00101 XOR 11001 = 11100 = 28.' },
    { args: [[6, 6]], expected: 0, explanation: 'Equal keys XOR to 0.' },
  ],
  hidden: [
    { args: [[0]], expected: 0 },
    { args: [[1, 2]], expected: 3 },
    { args: [[2147483647, 0]], expected: 2147483647 },
    { args: [[14, 70, 53, 83, 49, 91, 36, 80, 92, 51, 66, 70]], expected: 127 },
  ],
});

export const referenceSolution = (keys: number[]): number => {
  let best = 0;
  let mask = 0;
  for (let bit = 30; bit >= 0; bit--) {
    mask |= 1 << bit;
    const prefixes = new Set(keys.map((key) => key & mask));
    const candidate = best | (1 << bit);
    for (const prefix of prefixes) {
      if (prefixes.has(prefix ^ candidate)) {
        best = candidate;
        break;
      }
    }
  }
  return best;
};
