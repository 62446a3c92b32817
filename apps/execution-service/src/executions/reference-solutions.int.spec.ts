import { LANGUAGES, type JsonValue, type TestCase, type ValueType } from '@peerprep/contracts';
import { createTestSandbox, removeTestSandbox, type TestSandbox } from '../../test/sandbox-harness';
import { referenceSolution, seedQuestion, seedSlugs } from '../../test/seed-bank';

/**
 * Reference solutions prove the drivers (issue #16, item 7): twelve seed
 * questions that together use every parameter and return type of the bank,
 * each solved in all five languages, run through the real sandbox against
 * every test case of the question (hidden ones included) — all must pass.
 * The same run also gets every case again with its expected value altered,
 * and each of those must be a wrong answer: a driver that passed anything
 * through unchecked could not pass both halves. Besides, every seed
 * question's own JavaScript reference solution runs through the sandbox too.
 */
const QUESTIONS = [
  'anagram-families', // string[] -> string[][]
  'balanced-bracket-strings', // int -> string[]
  'balanced-brackets', // string -> bool
  'diagonal-sum', // int[][] -> int
  'median-of-two-ledgers', // int[], int[] -> double
  'merge-busy-slots', // int[][] -> int[][]
  'pair-with-target-sum', // int[], int -> int[]
  'reverse-word-order', // string -> string
  'running-balance', // int, int[] -> int[]
  'same-letters', // string, string -> bool
  'trending-words', // string[], int -> string[]
  'unpaired-sock', // int[] -> int
];

/** A value of the type that differs from `value` in a way every comparison must notice. */
function altered(value: JsonValue, type: ValueType): JsonValue {
  if (type.endsWith('[]')) {
    const itemType = type.slice(0, -2) as ValueType;
    const extra = itemType.endsWith('[]') ? [] : itemType === 'string' ? '' : itemType === 'bool' ? false : 0;
    return [...(value as JsonValue[]), extra];
  }
  if (type === 'bool') return !value;
  if (type === 'string') return `${value as string}!`;
  return (value as number) + 1;
}

describe('reference solutions in every language pass every test case of their question', () => {
  let box: TestSandbox;

  beforeAll(async () => {
    box = await createTestSandbox('reference-solutions');
  });

  afterAll(() => removeTestSandbox(box));

  it('cover every parameter and return type the bank uses', () => {
    const params = new Set(QUESTIONS.flatMap((slug) => seedQuestion(slug).entryPoint.params.map((param) => param.type)));
    const returns = new Set(QUESTIONS.map((slug) => seedQuestion(slug).entryPoint.returnType));
    expect([...params].sort()).toEqual(['int', 'int[]', 'int[][]', 'string', 'string[]']);
    expect([...returns].sort()).toEqual(['bool', 'double', 'int', 'int[]', 'int[][]', 'string', 'string[]', 'string[][]']);
  });

  it("every seed question's own JavaScript reference solution is Accepted on all its test cases", async () => {
    const slugs = seedSlugs();
    expect(slugs.length).toBeGreaterThanOrEqual(60);
    const summaries = await Promise.all(
      slugs.map(async (slug) => {
        const question = seedQuestion(slug);
        const result = await box.executor.execute({
          language: 'javascript',
          code: referenceSolution(slug, 'javascript'),
          entryPoint: question.entryPoint,
          tests: question.testCases,
        });
        return `${slug}: ${result.summary}`;
      }),
    );
    expect(summaries).toEqual(slugs.map((slug) => `${slug}: Accepted ${seedQuestion(slug).testCases.length}/${seedQuestion(slug).testCases.length}`));
  });

  describe.each(LANGUAGES)('%s', (language) => {
    it('is Accepted on every case and a wrong answer on every altered case', async () => {
      const outcomes = await Promise.all(
        QUESTIONS.map(async (slug) => {
          const question = seedQuestion(slug);
          const wrong: TestCase[] = question.testCases.map((test) => ({
            ...test,
            expected: altered(test.expected, question.entryPoint.returnType),
            hidden: false,
          }));
          const result = await box.executor.execute({
            language,
            code: referenceSolution(slug, language),
            entryPoint: question.entryPoint,
            tests: [...question.testCases, ...wrong],
          });
          const cases = question.testCases.length;
          return {
            slug,
            compiled: result.compile.ok,
            original: result.tests.slice(0, cases).map((test) => test.verdict),
            altered: result.tests.slice(cases).map((test) => test.verdict),
            firstProblem: result.tests.find((test, index) => (index < cases) !== (test.verdict === 'passed')),
          };
        }),
      );
      expect(outcomes).toEqual(
        QUESTIONS.map((slug) => {
          const cases = seedQuestion(slug).testCases.length;
          return {
            slug,
            compiled: true,
            original: Array(cases).fill('passed'),
            altered: Array(cases).fill('wrong_answer'),
            firstProblem: undefined,
          };
        }),
      );
    });
  });
});
