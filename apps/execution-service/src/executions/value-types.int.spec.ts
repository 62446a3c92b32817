import { LANGUAGES, VALUE_TYPES, type EntryPoint, type JsonValue, type Language, type ValueType } from '@peerprep/contracts';
import { createTestSandbox, removeTestSandbox, type TestSandbox } from '../../test/sandbox-harness';

/**
 * Every value type through every language's driver and back: an identity
 * function per type, with values that stress the conversions (extremes,
 * escapes, non-ASCII text, empty and nested arrays, inexact doubles).
 */
const SAMPLES: Record<ValueType, JsonValue[]> = {
  int: [0, -2147483648, 2147483647],
  long: [-(2 ** 53 - 1), 2 ** 53 - 1, 42],
  double: [0.1, -2.5, 1e-7, 12345678.875],
  bool: [true, false],
  string: ['', 'quote " back \\ slash\nnew line\ttab', 'é ☃ 😀 \u0001'],
  'int[]': [[], [1, -2, 2147483647]],
  'long[]': [[], [2 ** 40, -(2 ** 52)]],
  'double[]': [[], [0.5, -1e-9, 3]],
  'bool[]': [[], [true, false, true]],
  'string[]': [[], ['a', '', '"\\', 'ü']],
  'int[][]': [[], [[]], [[1, 2], [], [3]]],
  'double[][]': [[[0.25], []], []],
  'bool[][]': [[[true], [false, true]], []],
  'string[][]': [[['x', 'y'], []], [], [['😀']]],
};

const JAVA_TYPES: Record<string, string> = { int: 'int', long: 'long', double: 'double', bool: 'boolean', string: 'String' };
const CPP_TYPES: Record<string, string> = { int: 'int', long: 'long long', double: 'double', bool: 'bool', string: 'string' };

function typeIn(type: ValueType, scalars: Record<string, string>, array: (item: string) => string): string {
  return type.endsWith('[]') ? array(typeIn(type.slice(0, -2) as ValueType, scalars, array)) : scalars[type];
}

function identity(language: Language, type: ValueType): string {
  switch (language) {
    case 'python':
      return 'def echo(value):\n    return value\n';
    case 'javascript':
      return 'function echo(value) {\n  return value;\n}\n';
    case 'typescript':
      return 'function echo<T>(value: T): T {\n  return value;\n}\n';
    case 'java': {
      const name = typeIn(type, JAVA_TYPES, (item) => `${item}[]`);
      return `class Solution {\n  public ${name} echo(${name} value) {\n    return value;\n  }\n}\n`;
    }
    case 'cpp': {
      const name = typeIn(type, CPP_TYPES, (item) => `vector<${item}>`);
      return `#include <string>\n#include <vector>\nusing namespace std;\nclass Solution {\npublic:\n  ${name} echo(${name} value) { return value; }\n};\n`;
    }
  }
}

describe('drivers convert every value type both ways', () => {
  let box: TestSandbox;

  beforeAll(async () => {
    box = await createTestSandbox('value-types');
  });

  afterAll(() => removeTestSandbox(box));

  describe.each(LANGUAGES)('%s', (language) => {
    it('echoes every value of every type unchanged', async () => {
      const results = await Promise.all(
        VALUE_TYPES.map(async (type) => {
          const entryPoint: EntryPoint = { functionName: 'echo', params: [{ name: 'value', type }], returnType: type };
          const tests = SAMPLES[type].map((value) => ({ args: [value], expected: value, hidden: false }));
          const result = await box.executor.execute({ language, code: identity(language, type), entryPoint, tests });
          return { type, summary: result.summary, failures: result.tests.filter((test) => test.verdict !== 'passed') };
        }),
      );
      expect(results).toEqual(VALUE_TYPES.map((type) => ({ type, summary: `Accepted ${SAMPLES[type].length}/${SAMPLES[type].length}`, failures: [] })));
    });
  });
});
