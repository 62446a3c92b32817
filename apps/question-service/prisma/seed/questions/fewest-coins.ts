import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'fewest-coins',
  title: 'Fewest Coins',
  difficulty: 'MEDIUM',
  topics: ['Dynamic Programming'],
  statement: `A vending machine has an unlimited supply of coins of each value in \`coins\`. Return the fewest coins that add up to exactly \`amount\`, or \`-1\` if that is impossible. An amount of 0 needs no coins.

Greedy (largest coin first) does not always work here: with coins \`[1, 3, 4]\` and amount 6, greedy uses 4 + 1 + 1 while 3 + 3 needs only two.`,
  constraints: ['1 ≤ coins.length ≤ 12', '1 ≤ coins[i] ≤ 10^4', '0 ≤ amount ≤ 10^4'],
  hints: ['best[a] = 1 + min over coins c ≤ a of best[a - c].'],
  entryPoint: {
    functionName: 'fewestCoins',
    params: [
      { name: 'coins', type: 'int[]' },
      { name: 'amount', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [[1, 3, 4], 6], expected: 2, explanation: '3 + 3.' },
    { args: [[5, 10], 3], expected: -1, explanation: 'No combination makes 3.' },
  ],
  hidden: [
    { args: [[7], 0], expected: 0 },
    { args: [[2], 1], expected: -1 },
    { args: [[1, 5, 10, 25], 63], expected: 6 },
    { args: [[186, 419, 83, 408], 6249], expected: 20 },
  ],
});

export const referenceSolution = (coins: number[], amount: number): number => {
  const best = new Array<number>(amount + 1).fill(Infinity);
  best[0] = 0;
  for (let a = 1; a <= amount; a++) {
    for (const coin of coins) if (coin <= a) best[a] = Math.min(best[a], best[a - coin] + 1);
  }
  return best[amount] === Infinity ? -1 : best[amount];
};
