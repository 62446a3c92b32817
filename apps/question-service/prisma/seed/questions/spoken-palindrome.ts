import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'spoken-palindrome',
  title: 'Spoken Palindrome',
  difficulty: 'EASY',
  topics: ['Strings', 'Two Pointers'],
  statement: `A phrase is a *spoken palindrome* when, after removing everything except letters and digits and ignoring letter case, it reads the same forwards and backwards.

Given \`phrase\`, return whether it is a spoken palindrome. A phrase with no letters or digits counts as one.`,
  constraints: ['1 ≤ phrase.length ≤ 2·10^5', 'phrase consists of printable ASCII characters.'],
  hints: ['Use two indices, one from each end, skipping characters that are not letters or digits.'],
  entryPoint: {
    functionName: 'isSpokenPalindrome',
    params: [{ name: 'phrase', type: 'string' }],
    returnType: 'bool',
  },
  examples: [
    { args: ['Step on no pets!'], expected: true, explanation: 'Letters only: "steponnopets", which reverses to itself.' },
    { args: ['Race a boat'], expected: false, explanation: '"raceaboat" reversed is "taobaecar".' },
  ],
  hidden: [
    { args: ['?!'], expected: true },
    { args: ['0P'], expected: false },
    { args: ['No 1, 2 on'], expected: false },
    { args: ['A1b, B1a'], expected: true },
  ],
});

export const referenceSolution = (phrase: string): boolean => {
  const kept = phrase.toLowerCase().replace(/[^a-z0-9]/g, '');
  return kept === [...kept].reverse().join('');
};
