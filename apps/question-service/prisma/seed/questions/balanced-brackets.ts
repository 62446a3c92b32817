import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'balanced-brackets',
  title: 'Balanced Brackets',
  difficulty: 'EASY',
  topics: ['Stacks', 'Strings'],
  statement: `A code editor wants to warn when brackets do not line up.

Given a string \`code\` made only of the characters \`()[]{}\`, return \`true\` when it is balanced: every opening bracket is closed by the same kind of bracket, and brackets close in the reverse order they were opened. The empty string is balanced.`,
  constraints: ['0 ≤ code.length ≤ 10^4', 'code consists only of ()[]{}'],
  hints: ['The most recently opened bracket must be the first one closed. Which data structure gives you "most recent first"?'],
  entryPoint: {
    functionName: 'isBalanced',
    params: [{ name: 'code', type: 'string' }],
    returnType: 'bool',
  },
  examples: [
    { args: ['{[()]}()'], expected: true, explanation: 'Each bracket closes the one opened just before it.' },
    { args: ['([)]'], expected: false, explanation: '"[" is still open when ")" arrives.' },
  ],
  hidden: [
    { args: [''], expected: true },
    { args: ['((('], expected: false },
    { args: ['())'], expected: false },
    { args: ['[]{}(){[]}'], expected: true },
    { args: ['}'], expected: false },
  ],
});

export const referenceSolution = (code: string): boolean => {
  const partner: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: string[] = [];
  for (const char of code) {
    if (char in partner) {
      if (open.pop() !== partner[char]) return false;
    } else {
      open.push(char);
    }
  }
  return open.length === 0;
};
