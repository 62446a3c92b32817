import { DEFAULT_RUBRIC, questionInputSchema, type Question } from '@peerprep/contracts';
import { questionFormFields } from './field-errors';
import {
  checkQuestionForm,
  emptyQuestionForm,
  formToQuestionInput,
  newRubricCriterion,
  questionToForm,
  suggestSlug,
  type QuestionFormValues,
} from './question-form';

const question: Question = {
  id: '0b0c1a56-1a64-4a8e-9bd5-6a3a4b0f2f11',
  slug: 'sum-of-pair',
  title: 'Sum of a Pair',
  difficulty: 'EASY',
  topics: [{ slug: 'arrays', name: 'Arrays' }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  statement: 'Return `a + b`.',
  examples: [{ input: 'a = 1, b = 2', output: '3' }],
  constraints: ['-1000 ≤ a, b ≤ 1000'],
  hints: ['Add them.'],
  starterCode: { javascript: 'function add(a, b) {}', typescript: '', python: '', java: '', cpp: '' },
  entryPoint: { functionName: 'add', params: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }], returnType: 'int' },
  testCases: [
    { args: [1, 2], expected: 3, hidden: false },
    { args: [-1, 1], expected: 0, hidden: true },
  ],
  referenceSolutions: { javascript: 'function add(a, b) {\n  return a + b;\n}\n', python: 'def add(a, b):\n    return a + b\n' },
  rubric: [
    { id: 'signs', title: 'Handles signs', description: 'Gets 0 for -1 and 1.' },
    { id: 'explains', title: 'Explains the sum', description: '' },
  ],
};

function validForm(): QuestionFormValues {
  return questionToForm(question);
}

describe('question form ↔ QuestionInput', () => {
  it('turns a question into form values and back into the same input (hidden cases kept)', () => {
    const form = questionToForm(question);
    expect(form.testCases).toEqual([
      { args: '[1,2]', expected: '3', hidden: false },
      { args: '[-1,1]', expected: '0', hidden: true },
    ]);
    expect(form.examples[0].explanation).toBe('');
    const { input, errors } = formToQuestionInput(form);
    expect(errors).toEqual({});
    expect(questionInputSchema.parse(input)).toEqual({
      slug: question.slug,
      title: question.title,
      statement: question.statement,
      difficulty: question.difficulty,
      topics: ['Arrays'],
      examples: question.examples,
      constraints: question.constraints,
      hints: question.hints,
      starterCode: question.starterCode,
      entryPoint: question.entryPoint,
      testCases: question.testCases,
      referenceSolutions: question.referenceSolutions,
      rubric: question.rubric,
    });
  });

  it('starts a new question with the default rubric, and keeps a saved rubric\'s ids as they are', () => {
    expect((formToQuestionInput(emptyQuestionForm()).input as { rubric: unknown }).rubric).toEqual(DEFAULT_RUBRIC);
    const form = questionToForm(question);
    expect(form.rubric.map((criterion) => [criterion.id, criterion.idFollowsTitle])).toEqual([
      ['signs', false],
      ['explains', false],
    ]);
    expect(newRubricCriterion()).toEqual({ id: '', title: '', description: '', idFollowsTitle: true });
  });

  it('names the rubric field at fault before anything is sent: a repeated id, an empty title', () => {
    const form = validForm();
    const rubric = [...form.rubric, { ...form.rubric[0], title: '' }];
    const check = checkQuestionForm({ ...form, rubric }, questionFormFields({ ...form, rubric }));
    expect(check.input).toBeNull();
    expect(check.fieldErrors).toEqual({ 'rubric.2.id': expect.stringContaining('"signs" is used twice'), 'rubric.2.title': 'Required' });
  });

  it('edits a reference solution per language, and sends only the languages that have code', () => {
    const form = questionToForm(question);
    expect(form.referenceSolutions).toEqual({ ...question.referenceSolutions, typescript: '', java: '', cpp: '' });
    const edited = { ...form, referenceSolutions: { ...form.referenceSolutions, python: '  \n', cpp: 'class Solution {};' } };
    expect((formToQuestionInput(edited).input as { referenceSolutions: object }).referenceSolutions).toEqual({
      javascript: question.referenceSolutions?.javascript,
      cpp: 'class Solution {};',
    });
    expect(formToQuestionInput(emptyQuestionForm()).input).toHaveProperty('referenceSolutions', {});
    expect(questionToForm({ ...question, referenceSolutions: undefined }).referenceSolutions).toEqual(emptyQuestionForm().referenceSolutions);
  });

  it('places a reference solution that is too long beside its language', () => {
    const form = { ...validForm(), referenceSolutions: { ...validForm().referenceSolutions, java: 'x'.repeat(20_001) } };
    const check = checkQuestionForm(form, questionFormFields(form));
    expect(check.input).toBeNull();
    expect(Object.keys(check.fieldErrors)).toEqual(['referenceSolutions.java']);
  });

  it('leaves a blank slug and a blank explanation out of the body', () => {
    const form = { ...validForm(), slug: '  ', examples: [{ input: 'x', output: 'y', explanation: ' ' }] };
    const { input } = formToQuestionInput(form);
    expect(input).not.toHaveProperty('slug');
    expect((input as { examples: object[] }).examples[0]).toEqual({ input: 'x', output: 'y' });
  });

  it('reports JSON that does not parse, or arguments that are not a list, on their own field', () => {
    const form = validForm();
    form.testCases = [
      { args: '[1, 2', expected: '3', hidden: false },
      { args: '{"a":1}', expected: '', hidden: false },
    ];
    expect(formToQuestionInput(form).errors).toEqual({
      'testCases.0.args': 'Not valid JSON',
      'testCases.1.args': 'Arguments are a JSON list: [arg1, arg2]',
      'testCases.1.expected': 'Enter a JSON value',
    });
  });

  it('suggests a slug from the title', () => {
    expect(suggestSlug('  Two Sum: the Sequel! ')).toBe('two-sum-the-sequel');
    expect(suggestSlug('x'.repeat(99) + ' y')).toHaveLength(99);
  });
});

describe('checkQuestionForm', () => {
  it('passes a valid form and hands back the parsed input', () => {
    const form = validForm();
    const check = checkQuestionForm(form, questionFormFields(form));
    expect(check.message).toBeNull();
    expect(check.fieldErrors).toEqual({});
    expect(check.input?.title).toBe('Sum of a Pair');
  });

  it('puts every contract violation beside its field, before anything is sent', () => {
    const form = emptyQuestionForm();
    form.title = 'ab';
    form.slug = 'Not A Slug';
    form.testCases = [{ args: '[1]', expected: '"x"', hidden: false }];
    form.entryPoint.params = [{ name: 'n', type: 'string' }];
    const check = checkQuestionForm(form, questionFormFields(form));
    expect(check.input).toBeNull();
    expect(check.fieldErrors).toEqual({
      title: expect.stringMatching(/3/),
      slug: 'Use lower-case letters, digits and single hyphens',
      statement: 'Required',
      topics: 'Add at least one',
      'examples.0.input': 'Required',
      'examples.0.output': 'Required',
      'entryPoint.functionName': 'Required',
      'testCases.0.args': 'Argument n must be a string',
      'testCases.0.expected': 'Expected result must be a int',
    });
    expect(check.message).toBeNull();
  });

  it('shows the JSON message, not the placeholder the schema judged, for JSON that does not parse', () => {
    const form = validForm();
    form.testCases[0].expected = 'three';
    const check = checkQuestionForm(form, questionFormFields(form));
    expect(check.fieldErrors).toEqual({ 'testCases.0.expected': 'Not valid JSON' });
  });
});
