import { defineQuestion } from '../define-question';

export const question = defineQuestion({
  slug: 'rotated-catalogue-search',
  title: 'Search a Rotated Catalogue',
  difficulty: 'MEDIUM',
  topics: ['Binary Search'],
  statement: `A sorted list of distinct product codes was rotated: some prefix was cut off and moved to the end (\`[2, 5, 7, 9, 11]\` might become \`[9, 11, 2, 5, 7]\`). The rotation may also be zero.

Given the rotated list \`codes\` and a \`wanted\` code, return its index or \`-1\`, in O(log n) time.`,
  constraints: ['1 ≤ codes.length ≤ 10^5', '-10^4 ≤ codes[i], wanted ≤ 10^4', 'All codes are distinct.'],
  hints: ['At any midpoint, at least one of the two halves is sorted. Check whether wanted lies inside that sorted half.'],
  entryPoint: {
    functionName: 'searchRotated',
    params: [
      { name: 'codes', type: 'int[]' },
      { name: 'wanted', type: 'int' },
    ],
    returnType: 'int',
  },
  examples: [
    { args: [[9, 11, 2, 5, 7], 5], expected: 3, explanation: 'codes[3] = 5.' },
    { args: [[9, 11, 2, 5, 7], 10], expected: -1, explanation: '10 is not listed.' },
  ],
  hidden: [
    { args: [[1], 1], expected: 0 },
    { args: [[1, 3], 3], expected: 1 },
    { args: [[3, 1], 1], expected: 1 },
    { args: [[4, 5, 6, 7, 0, 1, 2], 4], expected: 0 },
    { args: [[4, 5, 6, 7, 0, 1, 2], 2], expected: 6 },
  ],
});

export const referenceSolution = (codes: number[], wanted: number): number => {
  let low = 0;
  let high = codes.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codes[mid] === wanted) return mid;
    if (codes[low] <= codes[mid]) {
      if (codes[low] <= wanted && wanted < codes[mid]) high = mid - 1;
      else low = mid + 1;
    } else if (codes[mid] < wanted && wanted <= codes[high]) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
};
