import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'edit-distance',
  title: 'Spell-Checker Distance',
  difficulty: 'HARD',
  topics: ['Dynamic Programming', 'Strings'],
  statement: `A spell-checker ranks suggestions by how many single-character edits turn the typed word into the suggestion. One edit inserts a character, deletes a character, or replaces one character with another.

Given \`typed\` and \`suggestion\`, return the minimum number of edits.`,
  constraints: ['0 ≤ typed.length, suggestion.length ≤ 500', 'Both consist of lower-case English letters.'],
  hints: ['Let d[i][j] be the distance between the first i letters of typed and the first j of suggestion.', 'd[i][j] = d[i-1][j-1] if the letters match, else 1 + min(insert, delete, replace).'],
  entryPoint: {
    functionName: 'editDistance',
    params: [
      { name: 'typed', type: 'string' },
      { name: 'suggestion', type: 'string' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: ['horse', 'ros'], expected: 3, explanation: 'horse → rorse (replace h) → rose (delete r) → ros (delete e).' },
    { args: ['kitten', 'sitting'], expected: 3, explanation: 'Replace k→s, replace e→i, insert g.' },
  ],
  hidden: [
    { args: ['', ''], expected: 0 },
    { args: ['', 'abc'], expected: 3 },
    { args: ['same', 'same'], expected: 0 },
    { args: ['intention', 'execution'], expected: 5 },
    { args: ['ab', 'ba'], expected: 2 },
  ],
});

export const referenceSolution = (typed: string, suggestion: string): number => {
  let previous = Array.from({ length: suggestion.length + 1 }, (_, j) => j);
  for (let i = 1; i <= typed.length; i++) {
    const current = [i];
    for (let j = 1; j <= suggestion.length; j++) {
      current[j] =
        typed[i - 1] === suggestion[j - 1]
          ? previous[j - 1]
          : 1 + Math.min(previous[j - 1], previous[j], current[j - 1]);
    }
    previous = current;
  }
  return previous[suggestion.length];
};
