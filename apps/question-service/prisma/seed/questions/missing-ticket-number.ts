import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'missing-ticket-number',
  title: 'Missing Ticket Number',
  difficulty: 'EASY',
  topics: ['Math', 'Bit Manipulation'],
  statement: `A raffle printed the tickets \`0, 1, …, n\`, which is \`n + 1\` tickets. Exactly one was lost, and the remaining \`n\` numbers were collected in \`tickets\` in no particular order.

Return the number of the lost ticket.`,
  constraints: ['1 ≤ n = tickets.length ≤ 10^5', '0 ≤ tickets[i] ≤ n', 'All values in tickets are distinct.'],
  hints: ['What is the sum of 0..n?', 'XOR of a number with itself is 0.'],
  entryPoint: {
    functionName: 'missingTicket',
    params: [{ name: 'tickets', type: 'int[]' }],
    returnType: 'int',
  },
  examples: [
    { args: [[3, 0, 1]], expected: 2, explanation: 'n = 3, so tickets 0..3 were printed and 2 is missing.' },
    { args: [[0, 1]], expected: 2, explanation: 'The last ticket can be the missing one.' },
  ],
  hidden: [
    { args: [[1]], expected: 0 },
    { args: [[0]], expected: 1 },
    { args: [[5, 2, 4, 0, 1]], expected: 3 },
  ],
});

export const referenceSolution = (tickets: number[]): number => {
  const n = tickets.length;
  return (n * (n + 1)) / 2 - tickets.reduce((sum, ticket) => sum + ticket, 0);
};
