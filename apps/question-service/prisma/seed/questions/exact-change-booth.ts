import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'exact-change-booth',
  title: 'Exact Change Booth',
  difficulty: 'EASY',
  topics: ['Greedy'],
  statement: `A ferry booth sells tickets for 5 coins each and opens with an empty till. Passengers arrive in order and each pays with a single note of 5, 10 or 20 (\`notes[i]\`). The booth must hand back exact change from the notes it has collected so far.

Return \`true\` if every passenger can be given correct change.`,
  constraints: ['1 ≤ notes.length ≤ 10^5', 'notes[i] is 5, 10 or 20'],
  hints: ['For a 20, prefer giving 10 + 5 over 5 + 5 + 5: fives are more useful later.'],
  entryPoint: {
    functionName: 'canGiveChange',
    params: [{ name: 'notes', type: 'int[]' }],
    returnType: 'bool',
  },
  examples: [
    { args: [[5, 5, 10, 20]], expected: true, explanation: 'The 10 gets a 5 back; the 20 gets 10 + 5.' },
    { args: [[5, 10, 10]], expected: false, explanation: 'The second 10 needs a 5, but the only 5 was already given away.' },
  ],
  hidden: [
    { args: [[10]], expected: false },
    { args: [[5, 5, 5, 20]], expected: true },
    { args: [[5, 5, 10, 10, 20]], expected: false },
    { args: [[5, 5, 5, 10, 20, 5, 5, 20]], expected: true },
  ],
});

export const referenceSolution = (notes: number[]): boolean => {
  let fives = 0;
  let tens = 0;
  for (const note of notes) {
    if (note === 5) fives++;
    else if (note === 10) {
      if (fives === 0) return false;
      fives--;
      tens++;
    } else if (tens > 0 && fives > 0) {
      tens--;
      fives--;
    } else if (fives >= 3) fives -= 3;
    else return false;
  }
  return true;
};
