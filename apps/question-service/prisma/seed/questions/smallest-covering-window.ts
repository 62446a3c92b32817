import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'smallest-covering-window',
  title: 'Smallest Covering Window',
  difficulty: 'HARD',
  topics: ['Sliding Window', 'Hash Tables', 'Strings'],
  statement: `Given a \`text\` and a \`pattern\`, return the shortest contiguous substring of \`text\` that contains every character of \`pattern\`, counting multiplicity (if \`pattern\` has two \`a\`s, the window needs at least two).

**Canonical output.** If several windows are equally short, return the one that starts first. If none exists, return the empty string.`,
  constraints: ['1 ≤ text.length, pattern.length ≤ 10^5', 'Both consist of upper- and lower-case English letters (case matters).'],
  hints: ['Expand the right end until the window covers the pattern, then shrink from the left while it still does.', 'Track how many required characters are still missing so each step is O(1).'],
  entryPoint: {
    functionName: 'smallestWindow',
    params: [
      { name: 'text', type: 'string' },
      { name: 'pattern', type: 'string' },
    ],
    returnType: 'string',
  },
  examples: [
    { args: ['ADOBECODEBANC', 'ABC'], expected: 'BANC', explanation: '"BANC" is the shortest window holding A, B and C.' },
    { args: ['a', 'aa'], expected: '', explanation: 'The text has only one "a".' },
  ],
  hidden: [
    { args: ['a', 'a'], expected: 'a' },
    { args: ['abcab', 'ab'], expected: 'ab' },
    { args: ['aAbBa', 'Aa'], expected: 'aA' },
    { args: ['xyzzyx', 'zz'], expected: 'zz' },
    { args: ['abc', 'd'], expected: '' },
  ],
});

export const referenceSolution = (text: string, pattern: string): string => {
  const need = new Map<string, number>();
  for (const char of pattern) need.set(char, (need.get(char) ?? 0) + 1);
  let missing = pattern.length;
  let bestStart = 0;
  let bestLength = Infinity;
  let left = 0;
  for (let right = 0; right < text.length; right++) {
    const char = text[right];
    if (need.has(char)) {
      if ((need.get(char) as number) > 0) missing--;
      need.set(char, (need.get(char) as number) - 1);
    }
    while (missing === 0) {
      if (right - left + 1 < bestLength) {
        bestLength = right - left + 1;
        bestStart = left;
      }
      const out = text[left++];
      if (need.has(out)) {
        need.set(out, (need.get(out) as number) + 1);
        if ((need.get(out) as number) > 0) missing++;
      }
    }
  }
  return bestLength === Infinity ? '' : text.slice(bestStart, bestStart + bestLength);
};
