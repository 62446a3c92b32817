import type {
  EntryPoint,
  Example,
  Question,
  QuestionSummary,
  ReferenceSolutions,
  Rubric,
  StarterCode,
  TestCase,
  Topic,
} from '@peerprep/contracts';
import type { Prisma } from '../generated/prisma/client';

/** What a question read through Prisma includes. */
export const questionInclude = (includeHidden: boolean) =>
  ({
    topics: { include: { topic: true } },
    testCases: { where: includeHidden ? {} : { hidden: false }, orderBy: { position: 'asc' } },
  }) satisfies Prisma.QuestionInclude;

/**
 * How one question is read: hidden test cases and the interviewer's material
 * (hints, reference solutions, rubric) only for admins and internal callers.
 * For anyone else those columns are not even read.
 */
export const questionQuery = (includeHidden: boolean) =>
  ({
    include: questionInclude(includeHidden),
    omit: { hints: !includeHidden, referenceSolutions: !includeHidden, rubric: !includeHidden },
  }) satisfies Pick<Prisma.QuestionFindUniqueArgs, 'include' | 'omit'>;

/** A question row; the interviewer's material is absent when the reader may not see it. */
export type QuestionRow = Omit<
  Prisma.QuestionGetPayload<{ include: ReturnType<typeof questionInclude> }>,
  'hints' | 'referenceSolutions' | 'rubric'
> & {
  hints?: string[];
  referenceSolutions?: Prisma.JsonValue;
  rubric?: Prisma.JsonValue;
};

export function byName(a: Topic, b: Topic): number {
  return a.name.localeCompare(b.name);
}

/**
 * A stored question in its contract shape. The JSON columns were validated
 * against the contracts on the way in (every write goes through
 * questionInputSchema), so they are trusted here rather than parsed again.
 */
export function toQuestion(row: QuestionRow): Question {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    difficulty: row.difficulty,
    topics: row.topics.map(({ topic }) => ({ slug: topic.slug, name: topic.name })).sort(byName),
    statement: row.statement,
    examples: row.examples as Example[],
    constraints: row.constraints,
    ...(row.hints === undefined ? {} : { hints: row.hints }),
    starterCode: row.starterCode as StarterCode,
    entryPoint: row.entryPoint as EntryPoint,
    testCases: row.testCases.map(
      ({ args, expected, hidden }): TestCase => ({
        args: args as TestCase['args'],
        expected: expected as TestCase['expected'],
        hidden,
      }),
    ),
    ...(row.referenceSolutions === undefined ? {} : { referenceSolutions: row.referenceSolutions as ReferenceSolutions }),
    ...(row.rubric === undefined ? {} : { rubric: row.rubric as Rubric }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSummary(question: Question): QuestionSummary {
  const { id, slug, title, difficulty, topics, createdAt } = question;
  return { id, slug, title, difficulty, topics, createdAt };
}
