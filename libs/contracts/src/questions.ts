import { z } from 'zod';
import { QUESTION_SORTS, SLUG_PATTERN, TOPIC_SLUG_MAX_LENGTH, VALUE_TYPES } from './constants';
import {
  difficultySchema,
  idSchema,
  isoDateTimeSchema,
  paginated,
  paginationQuerySchema,
  queryListSchema,
  searchTextSchema,
} from './common';
import { rubricSchema } from './rubric';

/** URL-safe identifiers: lower-case words joined by single hyphens. */

export const questionSlugSchema = z
  .string()
  .min(3)
  .max(100)
  .regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens');

/**
 * Topics are identified by slug everywhere a client filters or asks for one
 * (`dynamic-programming`); the name (`Dynamic Programming`) is for display and
 * is what an admin types when tagging a question (the slug is derived from it).
 */
export const topicSlugSchema = z.string().min(1).max(TOPIC_SLUG_MAX_LENGTH).regex(SLUG_PATTERN, 'Not a topic slug');
export const topicNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 '&+./-]*$/, "Topic names use letters, digits, spaces and - ' & + . /");

/** The slug a topic name is stored under: `Dynamic Programming` → `dynamic-programming`. */
export function toTopicSlug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const topicSchema = z.object({ slug: topicSlugSchema, name: z.string() });
export type Topic = z.infer<typeof topicSchema>;

/** Questions per difficulty. */
export const difficultyCountsSchema = z.object({
  EASY: z.number().int().nonnegative(),
  MEDIUM: z.number().int().nonnegative(),
  HARD: z.number().int().nonnegative(),
});
export type DifficultyCounts = z.infer<typeof difficultyCountsSchema>;

/** `GET /topics`: how many questions each topic has per difficulty (drives the match form). */
export const topicWithCountsSchema = topicSchema.extend({
  counts: difficultyCountsSchema,
  total: z.number().int().nonnegative(),
});
export type TopicWithCounts = z.infer<typeof topicWithCountsSchema>;

export const topicsResponseSchema = z.object({
  items: z.array(topicWithCountsSchema),
  /** How many topics. */
  total: z.number().int().nonnegative(),
  /**
   * Questions per difficulty in the whole bank, each counted once (a sum of
   * the topics' counts counts a question with two topics twice): what the
   * match form shows before any topic is chosen. Absent from a
   * question-service older than the field (during a rolling deploy).
   */
  questionCounts: difficultyCountsSchema.optional(),
});
export type TopicsResponse = z.infer<typeof topicsResponseSchema>;

export { VALUE_TYPES } from './constants';
export const valueTypeSchema = z.enum(VALUE_TYPES);
export type ValueType = z.infer<typeof valueTypeSchema>;

/** Any JSON value (a test argument or an expected result). */
export const jsonValueSchema = z.json();
export type JsonValue = z.infer<typeof jsonValueSchema>;

const INT32 = 2 ** 31;

/** Whether a JSON value can be passed as (or compared with) a value of `type` in every language. */
export function jsonMatchesValueType(value: unknown, type: ValueType): boolean {
  if (type.endsWith('[]')) {
    const itemType = type.slice(0, -2) as ValueType;
    return Array.isArray(value) && value.every((item) => jsonMatchesValueType(item, itemType));
  }
  switch (type) {
    case 'int':
      return Number.isInteger(value) && (value as number) >= -INT32 && (value as number) < INT32;
    case 'long':
      // Beyond 2^53 a JSON number is no longer exact in JavaScript.
      return Number.isSafeInteger(value);
    case 'double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    default:
      return false;
  }
}

const identifierSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Use a valid identifier (letters, digits, underscore)');

/** The function a solution defines and the harness calls: `twoSum(nums: int[], target: int): int[]`. */
export const entryPointSchema = z.object({
  functionName: identifierSchema,
  params: z
    .array(z.object({ name: identifierSchema, type: valueTypeSchema }))
    .max(10)
    .refine((params) => new Set(params.map((param) => param.name)).size === params.length, {
      message: 'Parameter names must be unique',
    }),
  returnType: valueTypeSchema,
});
export type EntryPoint = z.infer<typeof entryPointSchema>;

/** One argument that does not fit its parameter (path `[...path, index]`), or the wrong count (path `path`). */
export interface ArgumentIssue {
  path: (string | number)[];
  message: string;
}

/** What is wrong with `args` as arguments of the entry point (empty when they fit): for zod and for plain callers alike. */
export function argumentIssues(entryPoint: EntryPoint, args: readonly unknown[], path: (string | number)[]): ArgumentIssue[] {
  const { params } = entryPoint;
  if (args.length !== params.length) return [{ path, message: `Expected ${params.length} argument(s), got ${args.length}` }];
  const issues: ArgumentIssue[] = [];
  args.forEach((arg, argIndex) => {
    const param = params[argIndex];
    if (!jsonMatchesValueType(arg, param.type)) issues.push({ path: [...path, argIndex], message: `Argument ${param.name} must be a ${param.type}` });
  });
  return issues;
}

/** `argumentIssues` as zod issues; returns whether the arguments fit. */
export function addArgumentIssues(
  entryPoint: EntryPoint,
  args: readonly unknown[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
): boolean {
  const issues = argumentIssues(entryPoint, args, path);
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return issues.length === 0;
}

/**
 * Adds an issue (at `field`.index...) for every test case whose arguments or
 * expected value do not fit the entry point: the admin editor and the runner
 * accept the same cases. A case without an expected value (a custom input of
 * a Run) has only its arguments checked.
 */
export function addTestCaseIssues(
  entryPoint: EntryPoint,
  testCases: readonly { args: readonly unknown[]; expected?: unknown }[],
  field: string,
  ctx: z.RefinementCtx,
): void {
  testCases.forEach((testCase, index) => {
    addArgumentIssues(entryPoint, testCase.args, [field, index, 'args'], ctx);
    // A wrong argument count says nothing more useful about the expected value.
    if (testCase.args.length !== entryPoint.params.length) return;
    if (testCase.expected !== undefined && !jsonMatchesValueType(testCase.expected, entryPoint.returnType)) {
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'expected'],
        message: `Expected result must be a ${entryPoint.returnType}`,
      });
    }
  });
}

/** One machine-runnable case: the arguments in parameter order and the expected result. */
export const testCaseSchema = z.object({
  args: z.array(jsonValueSchema),
  expected: jsonValueSchema,
  /** Hidden cases are shown only to admins and internal callers (the runner, the room). */
  hidden: z.boolean(),
});
export type TestCase = z.infer<typeof testCaseSchema>;

export const exampleSchema = z.object({
  input: z.string().min(1).max(2000),
  output: z.string().min(1).max(2000),
  explanation: z.string().max(2000).optional(),
});
export type Example = z.infer<typeof exampleSchema>;

const codeSchema = z.string().max(20_000);

/** Starter code for every supported language (keys follow LANGUAGES). */
export const starterCodeSchema = z.object({
  javascript: codeSchema,
  typescript: codeSchema,
  python: codeSchema,
  java: codeSchema,
  cpp: codeSchema,
});
export type StarterCode = z.infer<typeof starterCodeSchema>;

/**
 * A question's reference solutions, for any of the supported languages (keys
 * follow LANGUAGES; another key is refused). Written by admins with the
 * question and shown only to admins and internal callers, never to students:
 * they prove the test cases and the drivers (the admin editor runs them).
 */
export const referenceSolutionsSchema = z.strictObject({
  javascript: codeSchema.optional(),
  typescript: codeSchema.optional(),
  python: codeSchema.optional(),
  java: codeSchema.optional(),
  cpp: codeSchema.optional(),
});
export type ReferenceSolutions = z.infer<typeof referenceSolutionsSchema>;

/** Enough to name a question anywhere (history keeps this even if the question is later deleted). */
export const questionRefSchema = z.object({
  id: idSchema,
  slug: z.string(),
  title: z.string(),
  difficulty: difficultySchema,
});
export type QuestionRef = z.infer<typeof questionRefSchema>;

/** One row of the question list. */
export const questionSummarySchema = questionRefSchema.extend({
  topics: z.array(topicSchema),
  createdAt: isoDateTimeSchema,
});
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

/**
 * `GET /questions/:idOrSlug`. `testCases` holds hidden cases only for admins
 * and internal callers. The interviewer's material (`hints`, released one by
 * one in a mock interview; `referenceSolutions`; `rubric`) is present only for
 * them too: for a student or a visitor the fields are absent.
 */
export const questionSchema = questionSummarySchema.extend({
  statement: z.string(),
  examples: z.array(exampleSchema),
  constraints: z.array(z.string()),
  hints: z.array(z.string()).optional(),
  starterCode: starterCodeSchema,
  entryPoint: entryPointSchema,
  testCases: z.array(testCaseSchema),
  referenceSolutions: referenceSolutionsSchema.optional(),
  rubric: rubricSchema.optional(),
  updatedAt: isoDateTimeSchema,
});
export type Question = z.infer<typeof questionSchema>;

export { QUESTION_SORTS } from './constants';
export const questionSortSchema = z.enum(QUESTION_SORTS);
export type QuestionSort = z.infer<typeof questionSortSchema>;

/**
 * `GET /questions`. `topics` accepts `?topics=arrays,graphs` or repeated
 * `?topics=arrays&topics=graphs` and matches questions having any of them.
 * Without `sort`, results are by relevance when `q` is given, else newest first.
 */
export const listQuestionsQuerySchema = paginationQuerySchema.extend({
  difficulty: difficultySchema.optional(),
  topics: queryListSchema(topicSlugSchema, 20),
  q: searchTextSchema(200),
  sort: questionSortSchema.optional(),
});
export type ListQuestionsQuery = z.infer<typeof listQuestionsQuerySchema>;

export const questionsPageSchema = paginated(questionSummarySchema);
export type QuestionsPage = z.infer<typeof questionsPageSchema>;

/** Path parameter of the single-question routes: a UUID or a slug (PUT/DELETE accept either too). */
export const questionIdOrSlugParamsSchema = z.object({ idOrSlug: z.string().min(1).max(100) });
export type QuestionIdOrSlugParams = z.infer<typeof questionIdOrSlugParamsSchema>;

/**
 * `POST /questions` and `PUT /questions/:idOrSlug` (admin; PUT replaces the
 * whole question). `slug` defaults to one derived from the title on create and
 * to the current slug on update. Every test case must fit the entry point.
 * `referenceSolutions` are replaced too: left out, the question keeps none;
 * `rubric` left out gives the question DEFAULT_RUBRIC.
 */
export const questionInputSchema = z
  .strictObject({
    slug: questionSlugSchema.optional(),
    title: z.string().trim().min(3).max(120),
    statement: z.string().trim().min(1).max(20_000),
    difficulty: difficultySchema,
    topics: z
      .array(topicNameSchema)
      .min(1)
      .max(10)
      .refine((names) => new Set(names.map(toTopicSlug)).size === names.length, { message: 'Topics must be distinct' }),
    examples: z.array(exampleSchema).min(1).max(10),
    constraints: z.array(z.string().trim().min(1).max(300)).max(20),
    hints: z.array(z.string().trim().min(1).max(1000)).max(10),
    starterCode: starterCodeSchema,
    entryPoint: entryPointSchema,
    testCases: z.array(testCaseSchema).min(1).max(200),
    referenceSolutions: referenceSolutionsSchema.optional(),
    rubric: rubricSchema.optional(),
  })
  .superRefine((question, ctx) => addTestCaseIssues(question.entryPoint, question.testCases, 'testCases', ctx));
export type QuestionInput = z.infer<typeof questionInputSchema>;
export const createQuestionRequestSchema = questionInputSchema;
export type CreateQuestionRequest = QuestionInput;
export const updateQuestionRequestSchema = questionInputSchema;
export type UpdateQuestionRequest = QuestionInput;

/**
 * Internal `POST /internal/questions/pick` (collaboration-service → question-service,
 * not exposed by the gateway): a random question of the difficulty having any
 * of the topics, avoiding `excludeIds`. 404 problem when none fits.
 */
export const PICK_QUESTION_PATH = '/internal/questions/pick';
/**
 * Service-to-service calls to question-service (the picker; reading hidden
 * test cases) carry the shared INTERNAL_API_TOKEN in this header.
 */
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';
export const pickQuestionRequestSchema = z.strictObject({
  difficulty: difficultySchema.optional(),
  topics: z.array(topicSlugSchema).min(1).max(20),
  excludeIds: z.array(idSchema).max(5000).default([]),
});
export type PickQuestionRequest = z.infer<typeof pickQuestionRequestSchema>;

/** The full question, hidden test cases included (the caller is internal). */
export const pickQuestionResponseSchema = z.object({ question: questionSchema });
export type PickQuestionResponse = z.infer<typeof pickQuestionResponseSchema>;

/**
 * Internal `GET /internal/questions/:id/interviewer-material` (collaboration-service
 * → question-service, not exposed by the gateway): what only the interviewer
 * of a mock-interview round sees. The room's question (roomQuestionSchema)
 * never carries any of it.
 */
export const INTERVIEWER_MATERIAL_PATH = '/internal/questions/:id/interviewer-material';
export function interviewerMaterialPath(questionId: string): string {
  return INTERVIEWER_MATERIAL_PATH.replace(':id', encodeURIComponent(questionId));
}
export const interviewerMaterialParamsSchema = z.object({ id: idSchema });
export type InterviewerMaterialParams = z.infer<typeof interviewerMaterialParamsSchema>;
export const interviewerMaterialSchema = z.object({
  questionId: idSchema,
  /** In the order the interviewer releases them. */
  hints: z.array(z.string()),
  referenceSolutions: referenceSolutionsSchema,
  rubric: rubricSchema,
});
export type InterviewerMaterial = z.infer<typeof interviewerMaterialSchema>;
