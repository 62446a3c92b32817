import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'unpaired-sock',
  title: 'The Unpaired Sock',
  difficulty: 'EASY',
  topics: ['Bit Manipulation'],
  statement: `After laundry day every sock in the basket has a colour code, and every colour appears exactly twice — except one sock whose twin was lost.

Given the colour codes \`socks\`, return the code of the unpaired sock. Aim for linear time and constant extra space.`,
  constraints: ['1 ≤ socks.length ≤ 3·10^4 (odd)', '-3·10^4 ≤ socks[i] ≤ 3·10^4', 'Exactly one value appears once; every other appears exactly twice.'],
  hints: ['a ^ a = 0 and a ^ 0 = a, and XOR is order-independent.'],
  entryPoint: {
    functionName: 'unpairedSock',
    params: [{ name: 'socks', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[7, 3, 7]], expected: 3, explanation: 'Colour 7 has a pair; 3 does not.' },
    { args: [[4, 1, 2, 1, 2]], expected: 4, explanation: '1 and 2 appear twice each.' },
  ],
  hidden: [
    { args: [[9]], expected: 9 },
    { args: [[-5, 0, 0]], expected: -5 },
    { args: [[30000, -30000, 30000, 12, -30000]], expected: 12 },
  ],
});

export const referenceSolution = (socks: number[]): number => socks.reduce((acc, sock) => acc ^ sock, 0);
