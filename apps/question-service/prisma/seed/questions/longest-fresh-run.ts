import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'longest-fresh-run',
  title: 'Longest Run Without Repeats',
  difficulty: 'MEDIUM',
  topics: ['Sliding Window', 'Strings', 'Hash Tables'],
  statement: `A playlist is written as a string \`playlist\`, one character per song. Return the length of the longest contiguous stretch of the playlist in which no song (character) plays twice.`,
  constraints: ['0 ≤ playlist.length ≤ 5·10^4', 'playlist consists of printable ASCII characters.'],
  hints: ['Keep a window [left, right] with no repeats; when the new character repeats, move left just past its previous position.'],
  entryPoint: {
    functionName: 'longestFreshRun',
    params: [{ name: 'playlist', type: 'string' }],
    returnType: 'int',
  },
  examples: [
    { args: ['abcabcbb'], expected: 3, explanation: '"abc" is the longest stretch without a repeat.' },
    { args: ['pwwkew'], expected: 3, explanation: '"wke" — note "pwke" is not contiguous.' },
  ],
  hidden: [
    { args: [''], expected: 0 },
    { args: ['aaaa'], expected: 1 },
    { args: ['abba'], expected: 2 },
    { args: ['a b!c a'], expected: 5 },
  ],
});

export const referenceSolution = (playlist: string): number => {
  const lastSeen = new Map<string, number>();
  let left = 0;
  let best = 0;
  for (let right = 0; right < playlist.length; right++) {
    const previous = lastSeen.get(playlist[right]);
    if (previous !== undefined && previous >= left) left = previous + 1;
    lastSeen.set(playlist[right], right);
    best = Math.max(best, right - left + 1);
  }
  return best;
};
