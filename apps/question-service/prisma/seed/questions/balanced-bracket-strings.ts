import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'balanced-bracket-strings',
  title: 'All Balanced Bracket Strings',
  difficulty: 'MEDIUM',
  topics: ['Recursion', 'Strings'],
  statement: `Return every string made of \`n\` opening and \`n\` closing round brackets that is balanced: reading left to right, the number of \`)\` never exceeds the number of \`(\` so far.

**Canonical output.** Sort the strings in ascending character-code order, in which \`(\` comes before \`)\`.`,
  constraints: ['1 ≤ n ≤ 8'],
  hints: ['Build strings character by character: you may add "(" while fewer than n are used, and ")" while it would not close more than were opened.'],
  entryPoint: {
    functionName: 'balancedStrings',
    params: [{ name: 'n', type: 'int' }],
    returnType: 'string[]',
  },
  examples: [
    { args: [2], expected: ['(())', '()()'], explanation: 'The only two balanced strings with two pairs.' },
    { args: [1], expected: ['()'], explanation: 'One pair, one way.' },
  ],
  hidden: [
    { args: [3], expected: ['((()))', '(()())', '(())()', '()(())', '()()()'] },
    {
      args: [4],
      expected: [
        '(((())))', '((()()))', '((())())', '((()))()', '(()(()))', '(()()())', '(()())()',
        '(())(())', '(())()()', '()((()))', '()(()())', '()(())()', '()()(())', '()()()()',
      ],
    },
    {
      args: [5],
      expected: [
        '((((()))))', '(((()())))', '(((())()))', '(((()))())', '(((())))()', '((()(())))',
        '((()()()))', '((()())())', '((()()))()', '((())(()))', '((())()())', '((())())()',
        '((()))(())', '((()))()()', '(()((())))', '(()(()()))', '(()(())())', '(()(()))()',
        '(()()(()))', '(()()()())', '(()()())()', '(()())(())', '(()())()()', '(())((()))',
        '(())(()())', '(())(())()', '(())()(())', '(())()()()', '()(((())))', '()((()()))',
        '()((())())', '()((()))()', '()(()(()))', '()(()()())', '()(()())()', '()(())(())',
        '()(())()()', '()()((()))', '()()(()())', '()()(())()', '()()()(())', '()()()()()',
      ],
    },
  ],
});

export const referenceSolution = (n: number): string[] => {
  const results: string[] = [];
  const build = (prefix: string, open: number, close: number): void => {
    if (prefix.length === 2 * n) {
      results.push(prefix);
      return;
    }
    if (open < n) build(`${prefix}(`, open + 1, close);
    if (close < open) build(`${prefix})`, open, close + 1);
  };
  build('', 0, 0);
  return results;
};
