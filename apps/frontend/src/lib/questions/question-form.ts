import {
  DEFAULT_RUBRIC,
  LANGUAGES,
  questionInputSchema,
  toTopicSlug,
  type Difficulty,
  type Language,
  type Question,
  type QuestionInput,
  type RubricCriterion,
  type ValueType,
} from '@peerprep/contracts';
import type { FieldErrors } from '../api-error';
import { placeFieldErrors } from './field-errors';

/**
 * The admin form's state. Close to QuestionInput, except where a person types
 * text that becomes something else: test-case arguments and results are JSON
 * typed into text boxes, and the slug may be left blank.
 */
export interface QuestionFormValues {
  title: string;
  /** Blank: derived from the title by the server (create) or kept (edit). */
  slug: string;
  difficulty: Difficulty;
  topics: string[];
  statement: string;
  examples: { input: string; output: string; explanation: string }[];
  constraints: string[];
  hints: string[];
  entryPoint: { functionName: string; params: { name: string; type: ValueType }[]; returnType: ValueType };
  starterCode: Record<Language, string>;
  testCases: { args: string; expected: string; hidden: boolean }[];
  /** Blank: the question has no reference solution in that language. */
  referenceSolutions: Record<Language, string>;
  /**
   * The interviewer's criteria, in order. A criterion added here takes its id
   * from its title until the id is edited; a saved one keeps its id (feedback
   * ratings refer to it).
   */
  rubric: RubricCriterionForm[];
}

export interface RubricCriterionForm extends RubricCriterion {
  idFollowsTitle: boolean;
}

function criterionForm(criterion: RubricCriterion): RubricCriterionForm {
  return { id: criterion.id, title: criterion.title, description: criterion.description, idFollowsTitle: false };
}

/** A new, empty criterion: its id will follow the title typed in. */
export function newRubricCriterion(): RubricCriterionForm {
  return { id: '', title: '', description: '', idFollowsTitle: true };
}

function codeByLanguage(code: Partial<Record<Language, string>> = {}): Record<Language, string> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, code[language] ?? ''])) as Record<Language, string>;
}

export function emptyQuestionForm(): QuestionFormValues {
  return {
    title: '',
    slug: '',
    difficulty: 'EASY',
    topics: [],
    statement: '',
    examples: [{ input: '', output: '', explanation: '' }],
    constraints: [],
    hints: [],
    entryPoint: { functionName: '', params: [], returnType: 'int' },
    starterCode: codeByLanguage(),
    testCases: [{ args: '[]', expected: '', hidden: false }],
    referenceSolutions: codeByLanguage(),
    rubric: DEFAULT_RUBRIC.map(criterionForm),
  };
}

/**
 * A question as the API returned it to an admin (hidden cases and the
 * interviewer material included), ready to edit.
 */
export function questionToForm(question: Question): QuestionFormValues {
  return {
    title: question.title,
    slug: question.slug,
    difficulty: question.difficulty,
    topics: question.topics.map((topic) => topic.name),
    statement: question.statement,
    examples: question.examples.map((example) => ({
      input: example.input,
      output: example.output,
      explanation: example.explanation ?? '',
    })),
    constraints: [...question.constraints],
    hints: [...(question.hints ?? [])],
    entryPoint: {
      functionName: question.entryPoint.functionName,
      params: question.entryPoint.params.map((param) => ({ ...param })),
      returnType: question.entryPoint.returnType,
    },
    starterCode: { ...question.starterCode },
    testCases: question.testCases.map((testCase) => ({
      args: JSON.stringify(testCase.args),
      expected: JSON.stringify(testCase.expected),
      hidden: testCase.hidden,
    })),
    referenceSolutions: codeByLanguage(question.referenceSolutions),
    rubric: (question.rubric ?? DEFAULT_RUBRIC).map(criterionForm),
  };
}

/** What the slug field suggests for a title (the same rule the server uses when the slug is left out). */
export function suggestSlug(title: string): string {
  return toTopicSlug(title).slice(0, 100).replace(/-+$/, '');
}

type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(text: string): JsonParse {
  if (!text.trim()) return { ok: false, message: 'Enter a JSON value' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'Not valid JSON' };
  }
}

/**
 * The request body the form stands for, plus the messages for what could not
 * even be read (JSON that does not parse). Everything else is left for the
 * contract schema to judge, so indices in its error paths are the form's.
 */
export function formToQuestionInput(values: QuestionFormValues): { input: unknown; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const testCases = values.testCases.map((testCase, index) => {
    const args = parseJson(testCase.args);
    const expected = parseJson(testCase.expected);
    if (!args.ok) errors[`testCases.${index}.args`] = args.message;
    else if (!Array.isArray(args.value)) errors[`testCases.${index}.args`] = 'Arguments are a JSON list: [arg1, arg2]';
    if (!expected.ok) errors[`testCases.${index}.expected`] = expected.message;
    return { args: args.ok ? args.value : [], expected: expected.ok ? expected.value : null, hidden: testCase.hidden };
  });
  const slug = values.slug.trim();
  const input = {
    ...(slug ? { slug } : {}),
    title: values.title,
    statement: values.statement,
    difficulty: values.difficulty,
    topics: values.topics.map((topic) => topic.trim()),
    examples: values.examples.map(({ input, output, explanation }) => ({
      input,
      output,
      ...(explanation.trim() ? { explanation } : {}),
    })),
    constraints: values.constraints,
    hints: values.hints,
    starterCode: values.starterCode,
    entryPoint: values.entryPoint,
    testCases,
    // PUT replaces them: every language with code is sent, a blank one is dropped.
    referenceSolutions: Object.fromEntries(
      LANGUAGES.filter((language) => values.referenceSolutions[language].trim()).map((language) => [language, values.referenceSolutions[language]]),
    ),
    rubric: values.rubric.map(({ id, title, description }) => ({ id, title, description })),
  };
  return { input, errors };
}

/** Zod's wording for the commonest slips, said the way a form says it. */
function friendlyMessage(issue: { code: string; message: string; minimum?: unknown; origin?: unknown }): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'Required';
  if (issue.code === 'too_small' && issue.origin === 'array' && issue.minimum === 1) return 'Add at least one';
  return issue.message;
}

export type QuestionFormCheck =
  | { input: QuestionInput; fieldErrors: FieldErrors; message: null }
  | { input: null; fieldErrors: FieldErrors; message: string | null };

/**
 * Checks the form with the contract schema the server uses before anything is
 * sent. `fields` are the error anchors the form renders (see
 * questionFormFields); a problem with no anchor goes into `message`.
 */
export function checkQuestionForm(values: QuestionFormValues, fields: readonly string[]): QuestionFormCheck {
  const { input, errors } = formToQuestionInput(values);
  const result = questionInputSchema.safeParse(input);
  const issues: Record<string, string> = { ...errors };
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      // A JSON text that did not parse was sent as a placeholder: its own message is the useful one.
      if (!Object.keys(errors).some((field) => path === field || path.startsWith(`${field}.`))) {
        issues[path] ??= friendlyMessage(issue as Parameters<typeof friendlyMessage>[0]);
      }
    }
  }
  if (result.success && Object.keys(errors).length === 0) return { input: result.data, fieldErrors: {}, message: null };
  const { fieldErrors, rest } = placeFieldErrors(issues, fields);
  return { input: null, fieldErrors, message: rest.length > 0 ? rest.join(' ') : null };
}
