import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'reverse-word-order',
  title: 'Reverse Word Order',
  difficulty: 'EASY',
  topics: ['Strings', 'Two Pointers'],
  statement: `A teleprinter transmitted a sentence backwards word by word, and added stray spaces on the way.

Given the string \`line\`, return its words in reverse order joined by single spaces. A word is a maximal run of non-space characters; leading, trailing and repeated spaces are dropped. The characters inside each word stay as they are.`,
  constraints: ['1 ≤ line.length ≤ 10^4', 'line contains printable ASCII characters and spaces.', 'line contains at least one word.'],
  hints: ['Split on runs of spaces, drop empty pieces, then reverse.', 'Could you do it with two pointers scanning from the end?'],
  entryPoint: {
    functionName: 'reverseWordOrder',
    params: [{ name: 'line', type: 'string' }],
    returnType: 'string',
  },
  examples: [
    { args: ['signal lost at dawn'], expected: 'dawn at lost signal', explanation: 'Four words, reversed.' },
    { args: ['  over   and out '], expected: 'out and over', explanation: 'Extra spaces are removed.' },
  ],
  hidden: [
    { args: ['solo'], expected: 'solo' },
    { args: ['   x   '], expected: 'x' },
    { args: ['a,b c.d  e!'], expected: 'e! c.d a,b' },
  ],
});

export const referenceSolution = (line: string): string =>
  line
    .split(' ')
    .filter((word) => word.length > 0)
    .reverse()
    .join(' ');
