import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'same-letters',
  title: 'Same Letters, New Order',
  difficulty: 'EASY',
  topics: ['Strings', 'Hash Tables', 'Sorting'],
  statement: `A word-game judge must check that a player's answer uses exactly the tiles they were dealt.

Given two lower-case strings \`dealt\` and \`played\`, return \`true\` when \`played\` is a rearrangement of \`dealt\`: every letter occurs the same number of times in both.`,
  constraints: ['1 ≤ dealt.length, played.length ≤ 5·10^4', 'Both consist of lower-case English letters.'],
  hints: ['Count letters in one string and un-count them in the other.', 'Sorting both strings also works, in O(n log n).'],
  entryPoint: {
    functionName: 'sameLetters',
    params: [
      { name: 'dealt', type: 'string' },
      { name: 'played', type: 'string' },
    ],
    returnType: 'bool',
  },
  examples: [
    { args: ['listen', 'silent'], expected: true, explanation: 'Both use e, i, l, n, s, t once each.' },
    { args: ['apple', 'paple'], expected: true, explanation: 'Two p, one each of a, l, e in both.' },
    { args: ['tool', 'lott'], expected: false, explanation: '"lott" has two t and no second o.' },
  ],
  hidden: [
    { args: ['a', 'a'], expected: true },
    { args: ['ab', 'a'], expected: false },
    { args: ['aab', 'abb'], expected: false },
  ],
});

export const referenceSolution = (dealt: string, played: string): boolean => {
  if (dealt.length !== played.length) return false;
  const counts = new Map<string, number>();
  for (const char of dealt) counts.set(char, (counts.get(char) ?? 0) + 1);
  for (const char of played) {
    const left = (counts.get(char) ?? 0) - 1;
    if (left < 0) return false;
    counts.set(char, left);
  }
  return true;
};
