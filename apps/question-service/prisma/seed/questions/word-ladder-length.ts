import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'word-ladder-length',
  title: 'Shortest Word Ladder',
  difficulty: 'HARD',
  topics: ['Graphs', 'Strings', 'Queues'],
  statement: `A word ladder turns \`start\` into \`goal\` by changing exactly one letter per step; every intermediate word and \`goal\` itself must be in \`dictionary\` (\`start\` need not be).

Return the number of words in the shortest ladder, counting both \`start\` and \`goal\`, or \`0\` if no ladder exists.`,
  constraints: ['1 ≤ start.length ≤ 10', 'start ≠ goal; all words have the same length', '1 ≤ dictionary.length ≤ 5000', 'All words are lower-case English letters; dictionary words are distinct.'],
  hints: ['Words are nodes; one-letter changes are edges. Breadth-first search finds the shortest ladder.', 'Generate neighbours by trying all 26 letters at each position and looking them up in a set.'],
  entryPoint: {
    functionName: 'ladderLength',
    params: [
      { name: 'start', type: 'string' },
      { name: 'goal', type: 'string' },
      { name: 'dictionary', type: 'string[]' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: ['cold', 'warm', ['cord', 'card', 'ward', 'warm', 'corm', 'worm', 'word']], expected: 5, explanation: 'cold → cord → card → ward → warm.' },
    { args: ['hit', 'cog', ['hot', 'dot', 'dog', 'lot', 'log']], expected: 0, explanation: '"cog" is not in the dictionary.' },
  ],
  hidden: [
    { args: ['a', 'c', ['a', 'b', 'c']], expected: 2 },
    { args: ['hit', 'cog', ['hot', 'dot', 'dog', 'lot', 'log', 'cog']], expected: 5 },
    { args: ['abc', 'xyz', ['xbc', 'xyc', 'abz']], expected: 0 },
    { args: ['lead', 'gold', ['load', 'goad', 'gold', 'lend']], expected: 4 },
  ],
});

export const referenceSolution = (start: string, goal: string, dictionary: string[]): number => {
  const unvisited = new Set(dictionary);
  if (!unvisited.has(goal)) return 0;
  let frontier = [start];
  let length = 1;
  while (frontier.length > 0) {
    length++;
    const next: string[] = [];
    for (const word of frontier) {
      for (let i = 0; i < word.length; i++) {
        for (let code = 97; code <= 122; code++) {
          const candidate = word.slice(0, i) + String.fromCharCode(code) + word.slice(i + 1);
          if (!unvisited.has(candidate)) continue;
          if (candidate === goal) return length;
          unvisited.delete(candidate);
          next.push(candidate);
        }
      }
    }
    frontier = next;
  }
  return 0;
};
