import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'anagram-families',
  title: 'Anagram Families',
  difficulty: 'MEDIUM',
  topics: ['Hash Tables', 'Strings', 'Sorting'],
  statement: `Two words belong to the same *family* when one is a rearrangement of the other's letters. Group the given \`words\` into families.

**Canonical output.** Sort the words inside each family alphabetically (duplicates stay), then order the families by their first word, alphabetically.`,
  constraints: ['1 ≤ words.length ≤ 10^4', '0 ≤ words[i].length ≤ 100', 'words[i] consists of lower-case English letters.'],
  hints: ['Anagrams share the same sorted letters (or the same letter counts). Use that as a map key.'],
  entryPoint: {
    functionName: 'anagramFamilies',
    params: [{ name: 'words', type: 'string[]' }],
    returnType: 'string[][]',
  },
  examples: [
    {
      args: [['stop', 'least', 'pots', 'tops', 'slate', 'cat']],
      expected: [['cat'], ['least', 'slate'], ['pots', 'stop', 'tops']],
      explanation: '"cat" is alone; "least"/"slate" and "pots"/"stop"/"tops" share letters.',
    },
    { args: [['b', 'a', 'b']], expected: [['a'], ['b', 'b']], explanation: 'Repeated words stay in their family.' },
  ],
  hidden: [
    { args: [['']], expected: [['']] },
    { args: [['ab', 'ba', '', 'abc']], expected: [[''], ['ab', 'ba'], ['abc']] },
    { args: [['zz', 'zy', 'yz']], expected: [['yz', 'zy'], ['zz']] },
  ],
});

export const referenceSolution = (words: string[]): string[][] => {
  const families = new Map<string, string[]>();
  for (const word of words) {
    const key = [...word].sort().join('');
    families.set(key, [...(families.get(key) ?? []), word]);
  }
  const sorted = [...families.values()].map((family) => family.sort());
  return sorted.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
};
