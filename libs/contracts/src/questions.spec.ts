import {
  interviewerMaterialPath,
  interviewerMaterialSchema,
  jsonMatchesValueType,
  listQuestionsQuerySchema,
  pickQuestionRequestSchema,
  questionInputSchema,
  toTopicSlug,
  type QuestionInput,
} from './questions';
import { DEFAULT_RUBRIC, rubricSchema } from './rubric';

const code = { javascript: '', typescript: '', python: '', java: '', cpp: '' };

function twoSum(overrides: Partial<QuestionInput> = {}): QuestionInput {
  return {
    title: 'Two Sum',
    statement: 'Return the indices of the two numbers that add up to `target`.',
    difficulty: 'EASY',
    topics: ['Arrays', 'Hash Table'],
    examples: [{ input: 'nums = [2,7,11,15], target = 9', output: '[0,1]' }],
    constraints: ['2 <= nums.length <= 10^4'],
    hints: [],
    starterCode: code,
    entryPoint: {
      functionName: 'twoSum',
      params: [
        { name: 'nums', type: 'int[]' },
        { name: 'target', type: 'int' },
      ],
      returnType: 'int[]',
    },
    testCases: [
      { args: [[2, 7, 11, 15], 9], expected: [0, 1], hidden: false },
      { args: [[3, 3], 6], expected: [0, 1], hidden: true },
    ],
    ...overrides,
  };
}

describe('questionInputSchema', () => {
  it('accepts a complete question whose test cases fit its entry point', () => {
    expect(questionInputSchema.safeParse(twoSum()).success).toBe(true);
  });

  it('rejects a test case with the wrong number of arguments, naming the case', () => {
    const result = questionInputSchema.safeParse(
      twoSum({ testCases: [{ args: [[1, 2]], expected: [0, 1], hidden: false }] }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['testCases', 0, 'args']);
  });

  it('rejects an argument or expected value of the wrong type', () => {
    const badArg = questionInputSchema.safeParse(
      twoSum({ testCases: [{ args: [[1, 2], '3'], expected: [0, 1], hidden: false }] }),
    );
    expect(badArg.error?.issues[0]?.path).toEqual(['testCases', 0, 'args', 1]);
    const badExpected = questionInputSchema.safeParse(
      twoSum({ testCases: [{ args: [[1, 2], 3], expected: 'yes', hidden: false }] }),
    );
    expect(badExpected.error?.issues[0]?.path).toEqual(['testCases', 0, 'expected']);
  });

  it('requires starter code for every supported language', () => {
    const { cpp: _cpp, ...withoutCpp } = code;
    expect(questionInputSchema.safeParse({ ...twoSum(), starterCode: withoutCpp }).success).toBe(false);
  });

  it('takes reference solutions for any of the five languages, each at most 20 000 characters', () => {
    expect(questionInputSchema.safeParse(twoSum({ referenceSolutions: {} })).success).toBe(true);
    expect(questionInputSchema.safeParse(twoSum({ referenceSolutions: { python: 'def twoSum(nums, target): ...' } })).success).toBe(true);
    const ruby = questionInputSchema.safeParse({ ...twoSum(), referenceSolutions: { ruby: 'def two_sum; end' } });
    expect(ruby.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['referenceSolutions'], 'Unrecognized key: "ruby"']]);
    const long = questionInputSchema.safeParse(twoSum({ referenceSolutions: { cpp: 'x'.repeat(20_001) } }));
    expect(long.error?.issues.map((issue) => issue.path)).toEqual([['referenceSolutions', 'cpp']]);
  });

  it('takes a rubric of 1 to 8 criteria with distinct slug ids, naming the criterion and field at fault', () => {
    const criterion = (id: string) => ({ id, title: 'Testing', description: 'Tries the edge cases unprompted.' });
    expect(questionInputSchema.safeParse(twoSum({ rubric: [criterion('testing')] })).success).toBe(true);
    expect(questionInputSchema.safeParse(twoSum({ rubric: [...DEFAULT_RUBRIC] })).success).toBe(true);
    const paths = (rubric: unknown) =>
      questionInputSchema.safeParse({ ...twoSum(), rubric }).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths([criterion('testing'), criterion('clarity'), criterion('testing')])).toEqual(['rubric.2.id']);
    expect(paths([])).toEqual(['rubric']);
    expect(paths(Array.from({ length: 9 }, (_, index) => criterion(`c${index}`)))).toEqual(['rubric']);
    expect(paths([{ ...criterion('testing'), title: '   ' }])).toEqual(['rubric.0.title']);
    expect(paths([{ ...criterion('testing'), title: 'x'.repeat(81) }])).toEqual(['rubric.0.title']);
    expect(paths([{ ...criterion('testing'), description: 'x'.repeat(501) }])).toEqual(['rubric.0.description']);
    expect(paths([criterion('Problem Solving')])).toEqual(['rubric.0.id']);
    expect(paths([{ ...criterion('testing'), weight: 2 }])).toEqual(['rubric.0']);
  });

  it('gives a default rubric of valid, distinct criteria with descriptions written for the interviewer', () => {
    expect(rubricSchema.safeParse(DEFAULT_RUBRIC).success).toBe(true);
    expect(DEFAULT_RUBRIC.map((criterion) => criterion.id)).toEqual(['problem-solving', 'code-quality', 'communication', 'testing']);
    for (const criterion of DEFAULT_RUBRIC) expect(criterion.description.length).toBeGreaterThan(40);
  });

  it('rejects unknown keys, topics that collide once slugged, and a bad slug', () => {
    expect(questionInputSchema.safeParse({ ...twoSum(), id: 'x' }).success).toBe(false);
    expect(questionInputSchema.safeParse(twoSum({ topics: ['Hash Table', 'hash-table'] })).success).toBe(false);
    expect(questionInputSchema.safeParse(twoSum({ slug: 'Two Sum' })).success).toBe(false);
    expect(questionInputSchema.safeParse(twoSum({ slug: 'two-sum' })).success).toBe(true);
  });

  it('rejects an entry point with an unknown type or duplicate parameter names', () => {
    const unknownType = twoSum();
    unknownType.entryPoint = { ...unknownType.entryPoint, returnType: 'map' as never };
    expect(questionInputSchema.safeParse(unknownType).success).toBe(false);
    const duplicate = twoSum();
    duplicate.entryPoint = {
      ...duplicate.entryPoint,
      params: [
        { name: 'x', type: 'int[]' },
        { name: 'x', type: 'int' },
      ],
    };
    expect(questionInputSchema.safeParse(duplicate).success).toBe(false);
  });
});

describe('jsonMatchesValueType', () => {
  it.each([
    [1, 'int', true],
    [2 ** 31, 'int', false],
    [1.5, 'int', false],
    [2 ** 40, 'long', true],
    [2 ** 60, 'long', false],
    [1.5, 'double', true],
    [true, 'bool', true],
    [0, 'bool', false],
    ['a', 'string', true],
    [[[1], [2, 3]], 'int[][]', true],
    [[[1], 'x'], 'int[][]', false],
    [[], 'string[]', true],
    [null, 'int[]', false],
  ] as const)('%j as %s → %s', (value, type, expected) => {
    expect(jsonMatchesValueType(value, type)).toBe(expected);
  });
});

describe('toTopicSlug', () => {
  it('derives kebab-case slugs from names', () => {
    expect(toTopicSlug('Dynamic Programming')).toBe('dynamic-programming');
    expect(toTopicSlug('  Bit Manipulation & Math ')).toBe('bit-manipulation-math');
  });
});

describe('listQuestionsQuerySchema', () => {
  it('accepts topics as a comma list or a repeated parameter', () => {
    expect(listQuestionsQuerySchema.parse({ topics: 'arrays,graphs' }).topics).toEqual(['arrays', 'graphs']);
    expect(listQuestionsQuerySchema.parse({ topics: ['arrays', 'graphs'] }).topics).toEqual(['arrays', 'graphs']);
  });

  it('parses a full query with defaults', () => {
    expect(listQuestionsQuerySchema.parse({ difficulty: 'HARD', q: 'tree', sort: 'title' })).toEqual({
      page: 1,
      pageSize: 20,
      difficulty: 'HARD',
      q: 'tree',
      sort: 'title',
    });
  });

  it('rejects an unknown difficulty, sort or topic slug', () => {
    expect(listQuestionsQuerySchema.safeParse({ difficulty: 'easy' }).success).toBe(false);
    expect(listQuestionsQuerySchema.safeParse({ sort: 'random' }).success).toBe(false);
    expect(listQuestionsQuerySchema.safeParse({ topics: 'Dynamic Programming' }).success).toBe(false);
  });
});

describe('pickQuestionRequestSchema', () => {
  it('needs at least one topic and defaults the exclusions to none', () => {
    expect(pickQuestionRequestSchema.parse({ difficulty: 'EASY', topics: ['arrays'] }).excludeIds).toEqual([]);
    expect(pickQuestionRequestSchema.safeParse({ difficulty: 'EASY', topics: [] }).success).toBe(false);
    expect(pickQuestionRequestSchema.safeParse({ topics: ['arrays'], excludeIds: ['not-a-uuid'] }).success).toBe(false);
  });
});

describe('interviewerMaterialSchema', () => {
  const questionId = 'c1de7a44-b2f0-4f0a-9d3e-5a8e9b102c1f';

  it('is the path collaboration-service asks, with the id escaped', () => {
    expect(interviewerMaterialPath(questionId)).toBe(`/internal/questions/${questionId}/interviewer-material`);
    expect(interviewerMaterialPath('a/b')).toBe('/internal/questions/a%2Fb/interviewer-material');
  });

  it('needs every part: hints, reference solutions and a rubric', () => {
    const material = { questionId, hints: ['Sort first.'], referenceSolutions: { python: 'pass' }, rubric: [...DEFAULT_RUBRIC] };
    expect(interviewerMaterialSchema.safeParse(material).success).toBe(true);
    for (const field of ['hints', 'referenceSolutions', 'rubric']) {
      const { [field as keyof typeof material]: _left, ...without } = material;
      expect({ field, valid: interviewerMaterialSchema.safeParse(without).success }).toEqual({ field, valid: false });
    }
  });
});
