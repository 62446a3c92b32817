import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'first-unique-letter',
  title: 'First Unique Letter',
  difficulty: 'EASY',
  topics: ['Hash Tables', 'Strings'],
  statement: `Given a lower-case string \`word\`, return the index of the first character that occurs exactly once in it, or \`-1\` if every character repeats.`,
  constraints: ['1 ≤ word.length ≤ 10^5', 'word consists of lower-case English letters.'],
  hints: ['Count every letter in one pass, then find the first with count 1 in a second pass.'],
  entryPoint: {
    functionName: 'firstUniqueLetter',
    params: [{ name: 'word', type: 'string' }],
    returnType: 'int',
  },
  examples: [
    { args: ['mississippi'], expected: 0, explanation: '"m" appears only once and comes first.' },
    { args: ['aabbcdc'], expected: 5, explanation: '"d" at index 5 is the only letter that does not repeat.' },
  ],
  hidden: [
    { args: ['zz'], expected: -1 },
    { args: ['q'], expected: 0 },
    { args: ['abcabcx'], expected: 6 },
  ],
});

export const referenceSolution = (word: string): number => {
  const counts = new Map<string, number>();
  for (const char of word) counts.set(char, (counts.get(char) ?? 0) + 1);
  for (let i = 0; i < word.length; i++) if (counts.get(word[i]) === 1) return i;
  return -1;
};
