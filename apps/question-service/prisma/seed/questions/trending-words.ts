import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'trending-words',
  title: 'Trending Words',
  difficulty: 'MEDIUM',
  topics: ['Heaps', 'Hash Tables', 'Sorting'],
  statement: `A chat server wants the \`k\` most used words of the day. Given \`words\` (every occurrence, in any order), return the \`k\` most frequent distinct words.

**Canonical output.** Order by frequency, highest first; words with the same frequency in alphabetical order.`,
  constraints: ['1 ≤ words.length ≤ 10^4', '1 ≤ words[i].length ≤ 15, lower-case English letters', '1 ≤ k ≤ number of distinct words'],
  hints: ['Count with a hash map, then keep the best k with a heap (or sort the distinct words).'],
  entryPoint: {
    functionName: 'trendingWords',
    params: [
      { name: 'words', type: 'string[]' },
      { name: 'k', type: 'int' },
    ],
    returnType: 'string[]',
  },
  examples: [
    { args: [['go', 'rust', 'go', 'java', 'rust', 'go'], 2], expected: ['go', 'rust'], explanation: 'go: 3, rust: 2, java: 1.' },
    { args: [['b', 'a', 'c', 'a', 'b', 'c'], 2], expected: ['a', 'b'], explanation: 'All tie at 2; alphabetical order breaks the tie.' },
  ],
  hidden: [
    { args: [['solo'], 1], expected: ['solo'] },
    { args: [['x', 'y', 'z', 'y'], 3], expected: ['y', 'x', 'z'] },
    { args: [['dd', 'd', 'dd', 'd', 'ddd'], 1], expected: ['d'] },
  ],
});

export const referenceSolution = (words: string[], k: number): string[] => {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts.keys()]
    .sort((a, b) => (counts.get(b) as number) - (counts.get(a) as number) || (a < b ? -1 : 1))
    .slice(0, k);
};
