import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'postfix-calculator',
  title: 'Postfix Calculator',
  difficulty: 'MEDIUM',
  topics: ['Stacks'],
  statement: `An old calculator takes expressions in postfix notation: operands come first, then the operator (\`3 4 +\` means 3 + 4).

Given the \`tokens\` of a valid postfix expression — integers and the operators \`+\`, \`-\`, \`*\`, \`/\` — return its value. Division truncates toward zero (\`-7 / 2 = -3\`), and no division by zero occurs.`,
  constraints: ['1 ≤ tokens.length ≤ 10^4', 'Every intermediate result fits in a 32-bit integer.', 'The expression is valid.'],
  hints: ['Push numbers; on an operator pop two values — the second popped is the left operand.'],
  entryPoint: {
    functionName: 'evaluatePostfix',
    params: [{ name: 'tokens', type: 'string[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [['3', '4', '+', '2', '*']], expected: 14, explanation: '(3 + 4) × 2 = 14.' },
    { args: [['10', '6', '9', '3', '/', '-', '*']], expected: 30, explanation: '9 / 3 = 3, 6 - 3 = 3, 10 × 3 = 30.' },
  ],
  hidden: [
    { args: [['42']], expected: 42 },
    { args: [['-7', '2', '/']], expected: -3 },
    { args: [['5', '8', '-']], expected: -3 },
    { args: [['2', '3', '4', '*', '+', '20', '6', '/', '-']], expected: 11 },
  ],
});

export const referenceSolution = (tokens: string[]): number => {
  const stack: number[] = [];
  for (const token of tokens) {
    if (['+', '-', '*', '/'].includes(token)) {
      const right = stack.pop() as number;
      const left = stack.pop() as number;
      if (token === '+') stack.push(left + right);
      else if (token === '-') stack.push(left - right);
      else if (token === '*') stack.push(left * right);
      else stack.push(Math.trunc(left / right));
    } else {
      stack.push(Number(token));
    }
  }
  return stack[0];
};
