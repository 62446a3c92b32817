import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'wildcard-filenames',
  title: 'Wildcard File Names',
  difficulty: 'HARD',
  topics: ['Dynamic Programming', 'Strings'],
  statement: `A file browser filters names with patterns in which \`?\` matches exactly one character and \`*\` matches any sequence of characters, including none. Every other character matches only itself.

Return \`true\` when \`pattern\` matches the **whole** of \`name\`.`,
  constraints: ['0 ≤ name.length, pattern.length ≤ 2000', 'name has lower-case letters, digits and "."; pattern may also contain "?" and "*".'],
  hints: ['match[i][j]: do the first i characters of name match the first j of pattern?', 'A "*" either matches nothing (j-1) or swallows one more character of the name (i-1).'],
  entryPoint: {
    functionName: 'wildcardMatch',
    params: [
      { name: 'name', type: 'string' },
      { name: 'pattern', type: 'string' },
    ],
    returnType: 'bool',
  },
  examples: [
    { args: ['report.txt', '*.txt'], expected: true, explanation: '"*" matches "report".' },
    { args: ['data1.csv', 'data?.txt'], expected: false, explanation: '"?" matches "1", but "csv" is not "txt".' },
  ],
  hidden: [
    { args: ['', ''], expected: true },
    { args: ['', '***'], expected: true },
    { args: ['a', ''], expected: false },
    { args: ['abcde', 'a*c?e'], expected: true },
    { args: ['aaab', '*a*b*a'], expected: false },
    { args: ['mississippi', 'm??*ss*p?i'], expected: true },
  ],
});

export const referenceSolution = (name: string, pattern: string): boolean => {
  let previous = new Array<boolean>(pattern.length + 1).fill(false);
  previous[0] = true;
  for (let j = 1; j <= pattern.length; j++) previous[j] = previous[j - 1] && pattern[j - 1] === '*';
  for (let i = 1; i <= name.length; i++) {
    const current = new Array<boolean>(pattern.length + 1).fill(false);
    for (let j = 1; j <= pattern.length; j++) {
      const p = pattern[j - 1];
      current[j] = p === '*' ? current[j - 1] || previous[j] : previous[j - 1] && (p === '?' || p === name[i - 1]);
    }
    previous = current;
  }
  return previous[pattern.length];
};
