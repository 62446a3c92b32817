import { LANGUAGES, type EntryPoint, type JsonValue, type Language, type TestCase, type ValueType } from '@peerprep/contracts';
import { createTestSandbox, removeTestSandbox, type TestSandbox } from '../../test/sandbox-harness';
import { referenceSolution, seedQuestion, seedSlugs } from '../../test/seed-bank';

/**
 * Reference solutions prove the drivers (issue #16, item 7): twelve seed
 * questions that together use every parameter and return type of the bank,
 * each solved in all five languages, run through the real sandbox against
 * every test case of the question (hidden ones included) — all must pass.
 * The same run also gets every case again with its expected value altered,
 * and each of those must be a wrong answer: a driver that passed anything
 * through unchecked could not pass both halves. A wrong program (the
 * solution behind a wrapper that changes what the entry function returns)
 * must be a wrong answer on every case too: the verdict follows what the
 * program computed. Besides, every seed question's own JavaScript reference
 * solution runs through the sandbox too.
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

/** What `altered` appends to an array of `itemType`: a value of that type. */
function filler(itemType: ValueType): JsonValue {
  return itemType.endsWith('[]') ? [] : itemType === 'string' ? '' : itemType === 'bool' ? false : 0;
}

/** A value of the type that differs from `value` in a way every comparison must notice. */
function altered(value: JsonValue, type: ValueType): JsonValue {
  if (type.endsWith('[]')) return [...(value as JsonValue[]), filler(type.slice(0, -2) as ValueType)];
  if (type === 'bool') return !value;
  if (type === 'string') return `${value as string}!`;
  return (value as number) + 1;
}

/**
 * The solution made wrong mechanically: renamed, and behind an entry function
 * of the same name that returns `altered` of what it returns (a bool negated,
 * a number plus one, a string with "!" added, an array one element longer).
 * Java and C++ keep the `Solution` class the driver calls, as a wrapper
 * around the renamed one; neither needs the parameter types.
 */
function wrongProgram(language: Language, code: string, { functionName: name, params, returnType }: EntryPoint): string {
  const extra = returnType.endsWith('[]') ? filler(returnType.slice(0, -2) as ValueType) : null;
  switch (language) {
    case 'javascript':
    case 'typescript': {
      const any = language === 'typescript' ? ': any' : '';
      return `const __peerprepReference = (() => {
${code}
;return ${name};
})();
function ${name}(...args${language === 'typescript' ? ': any[]' : ''}) {
  const value${any} = __peerprepReference(...args);
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return value + '!';
  return [...value, ${JSON.stringify(extra)}];
}
`;
    }
    case 'python':
      return `${code}

_peerprep_reference = ${name}


def ${name}(*args):
    value = _peerprep_reference(*args)
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "!"
    return list(value) + [${JSON.stringify(extra).replace('false', 'False')}]
`;
    case 'java': {
      const args = params.map((_param, index) => `Object a${index}`).join(', ');
      const values = params.map((_param, index) => `, a${index}`).join('');
      return `${code.replace(/(?:public\s+)?class Solution\b/, 'class PeerprepReference').replace(/\bSolution\b/g, 'PeerprepReference')}

class Solution {
  private final PeerprepReference reference = new PeerprepReference();

  // Generic: the driver's typed call site picks T (int → Integer), so no parameter or result type is written here.
  @SuppressWarnings("unchecked")
  public <T> T ${name}(${args}) {
    try {
      for (java.lang.reflect.Method method : PeerprepReference.class.getDeclaredMethods()) {
        if (method.getName().equals("${name}")) return (T) altered(method.invoke(reference${values}));
      }
    } catch (ReflectiveOperationException error) {
      throw new RuntimeException(error);
    }
    throw new IllegalStateException("no method ${name}");
  }

  private static Object altered(Object value) {
    if (value instanceof Boolean b) return !b;
    if (value instanceof Integer i) return i + 1;
    if (value instanceof Long l) return l + 1;
    if (value instanceof Double d) return d + 1;
    if (value instanceof String s) return s + "!";
    int length = java.lang.reflect.Array.getLength(value);
    Class<?> item = value.getClass().getComponentType();
    Object longer = java.lang.reflect.Array.newInstance(item, length + 1);
    System.arraycopy(value, 0, longer, 0, length);
    if (item == String.class) java.lang.reflect.Array.set(longer, length, "");
    if (item.isArray()) java.lang.reflect.Array.set(longer, length, java.lang.reflect.Array.newInstance(item.getComponentType(), 0));
    return longer;
  }
}
`;
    }
    case 'cpp':
      return `${code.replace(/\bSolution\b/g, 'PeerprepReference')}

#include <string>
#include <type_traits>
#include <utility>

template <typename T> T peerprep_altered(T value) {
  if constexpr (std::is_same_v<T, bool>) return !value;
  else if constexpr (std::is_arithmetic_v<T>) return value + 1;
  else if constexpr (std::is_same_v<T, std::string>) return value + "!";
  else {
    value.push_back(typename T::value_type{});
    return value;
  }
}

class Solution : public PeerprepReference {
public:
  template <typename... Args> auto ${name}(Args&&... args) {
    return peerprep_altered(PeerprepReference::${name}(std::forward<Args>(args)...));
  }
};
`;
  }
}

/**
 * Which questions get a wrong program in which language: all twelve in
 * JavaScript and Python (their compile costs little), and each question in
 * one of TypeScript, Java and C++ in turn (four each, every return type at
 * least once among them), so the suite pays twelve more slow compiles, not
 * thirty-six, and every question and every language has wrong programs.
 */
const COMPILED = ['typescript', 'java', 'cpp'] as const;
function wrongProgramQuestions(language: Language): string[] {
  const rotation = COMPILED.indexOf(language as (typeof COMPILED)[number]);
  return rotation < 0 ? QUESTIONS : QUESTIONS.filter((_slug, index) => index % COMPILED.length === rotation);
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

    it('is a wrong answer on every case once its returned value is changed (a wrong program)', async () => {
      const slugs = wrongProgramQuestions(language);
      const outcomes = await Promise.all(
        slugs.map(async (slug) => {
          const question = seedQuestion(slug);
          const result = await box.executor.execute({
            language,
            code: wrongProgram(language, referenceSolution(slug, language), question.entryPoint),
            entryPoint: question.entryPoint,
            tests: question.testCases,
          });
          const firstWrong = result.tests.find((test) => !test.hidden);
          return {
            slug,
            compiled: result.compile.ok || result.compile.output,
            verdicts: result.tests.map((test) => test.verdict),
            // The actual value of a visible case is the reference's answer, changed.
            actualOfFirstVisible: firstWrong?.actual,
          };
        }),
      );
      expect(outcomes).toEqual(
        slugs.map((slug) => {
          const question = seedQuestion(slug);
          const firstVisible = question.testCases.find((test) => !test.hidden);
          return {
            slug,
            compiled: true,
            verdicts: Array(question.testCases.length).fill('wrong_answer'),
            actualOfFirstVisible: firstVisible && altered(firstVisible.expected, question.entryPoint.returnType),
          };
        }),
      );
    });
  });

  it('gives every question a wrong program in three languages, every language at least four', () => {
    const perQuestion = QUESTIONS.map((slug) => LANGUAGES.filter((language) => wrongProgramQuestions(language).includes(slug)).length);
    expect(perQuestion).toEqual(QUESTIONS.map(() => 3));
    expect(LANGUAGES.map((language) => wrongProgramQuestions(language).length >= 4)).toEqual(LANGUAGES.map(() => true));
  });
});
