import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DIFFICULTIES, LANGUAGES, jsonMatchesValueType, questionInputSchema, toTopicSlug } from '@peerprep/contracts';
import { seedQuestions } from './index';

const questions = seedQuestions.map((seed) => seed.question);

/** Calls a reference solution the way a harness would: fresh JSON arguments in, JSON out. */
function runReference(solution: (...args: never[]) => unknown, args: unknown[]): unknown {
  const call = solution as unknown as (...input: unknown[]) => unknown;
  const result = call(...structuredClone(args));
  // A JSON round trip is what the judge compares (it also turns -0 into 0).
  return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
}

describe('seed question bank', () => {
  it('has at least 60 questions over at least 12 topics and every difficulty', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
    const topics = new Set(questions.flatMap((question) => question.topics.map(toTopicSlug)));
    expect(topics.size).toBeGreaterThanOrEqual(12);
    expect(new Set(questions.map((question) => question.difficulty))).toEqual(new Set(DIFFICULTIES));
  });

  it('stores a JavaScript reference solution for every question, and all five languages for those with solutions/<slug>/', () => {
    const withFolders = readdirSync(path.join(__dirname, 'solutions'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(withFolders.length).toBeGreaterThanOrEqual(12);
    const stored = questions.map((question) => [question.slug, Object.keys(question.referenceSolutions ?? {}).sort()]);
    expect(stored).toEqual(
      questions.map((question) => [question.slug, withFolders.includes(question.slug ?? '') ? [...LANGUAGES].sort() : ['javascript']]),
    );
  });

  it('uses unique slugs and titles', () => {
    const slugs = questions.map((question) => question.slug);
    const titles = questions.map((question) => question.title.toLowerCase());
    expect(slugs.every((slug) => typeof slug === 'string')).toBe(true);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe.each(questions.map((question, index) => [question.slug, question, seedQuestions[index].referenceSolution] as const))(
  '%s',
  (_slug, question, referenceSolution) => {
    it('is a valid admin create body', () => {
      const parsed = questionInputSchema.safeParse(question);
      expect(parsed.error?.issues ?? []).toEqual([]);
    });

    it('has worked examples, constraints, hints and enough visible and hidden cases', () => {
      expect(question.examples.length).toBeGreaterThanOrEqual(2);
      expect(question.examples.every((example) => (example.explanation ?? '').length > 0)).toBe(true);
      expect(question.constraints.length).toBeGreaterThanOrEqual(1);
      expect(question.hints.length).toBeGreaterThanOrEqual(1);
      expect(question.testCases.length).toBeGreaterThanOrEqual(5);
      expect(question.testCases.filter((testCase) => !testCase.hidden).length).toBeGreaterThanOrEqual(2);
      expect(question.testCases.filter((testCase) => testCase.hidden).length).toBeGreaterThanOrEqual(3);
    });

    it('has starter code naming the entry function in every language', () => {
      for (const code of Object.values(question.starterCode)) {
        expect(code).toContain(question.entryPoint.functionName);
      }
    });

    it('declares test cases that fit the entry point types', () => {
      const { params, returnType } = question.entryPoint;
      for (const testCase of question.testCases) {
        expect(testCase.args).toHaveLength(params.length);
        params.forEach((param, index) => expect([param.name, jsonMatchesValueType(testCase.args[index], param.type)]).toEqual([param.name, true]));
        expect(jsonMatchesValueType(testCase.expected, returnType)).toBe(true);
      }
    });

    it('stores its reference solution as code defining the entry function in every language it has', () => {
      const { functionName } = question.entryPoint;
      for (const [language, code] of Object.entries(question.referenceSolutions ?? {})) {
        expect([language, code.includes(functionName), code.includes('referenceSolution')]).toEqual([language, true, false]);
      }
      expect(question.referenceSolutions?.javascript).not.toMatch(/:\s*(number|string|boolean)\b/);
    });

    it('has expected outputs that its reference solution reproduces', () => {
      question.testCases.forEach((testCase, index) => {
        const actual = runReference(referenceSolution, testCase.args);
        expect({ case: index, result: actual }).toEqual({ case: index, result: testCase.expected });
      });
    });
  },
);
