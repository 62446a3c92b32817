import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'running-balance',
  title: 'Running Balance',
  difficulty: 'EASY',
  topics: ['Arrays'],
  statement: `A bank statement lists transactions in order: deposits are positive amounts, withdrawals negative. The account starts at \`opening\`.

Return an array whose \`i\`-th entry is the balance right after transaction \`i\`.`,
  constraints: ['0 ≤ transactions.length ≤ 10^4', '-10^5 ≤ transactions[i] ≤ 10^5', '-10^5 ≤ opening ≤ 10^5'],
  hints: ['Keep one running total and append it after each transaction.'],
  entryPoint: {
    functionName: 'runningBalance',
    params: [
      { name: 'opening', type: 'int' },
      { name: 'transactions', type: 'int[]' },
    ],
    returnType: 'int[]',
  },
  examples: [
    { args: [100, [20, -50, 5]], expected: [120, 70, 75], explanation: '100+20 = 120, 120-50 = 70, 70+5 = 75.' },
    { args: [0, [-10, 10]], expected: [-10, 0], explanation: 'The balance may go negative.' },
  ],
  hidden: [
    { args: [42, []], expected: [] },
    { args: [-5, [5]], expected: [0] },
    { args: [100000, [100000, 100000, -100000]], expected: [200000, 300000, 200000] },
  ],
});

export const referenceSolution = (opening: number, transactions: number[]): number[] => {
  let balance = opening;
  return transactions.map((amount) => (balance += amount));
};
