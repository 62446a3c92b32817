import type {
  Difficulty,
  EntryPoint,
  Example,
  InterviewerMaterial,
  Question,
  ReferenceSolutions,
  Rubric,
  StarterCode,
  TestCase,
} from '@peerprep/contracts';
import { outboxRow } from '@peerprep/messaging';
import { ConflictError, uniqueViolationFields } from '@peerprep/service-kit';
import type { PrismaClient } from '../db/prisma';
import type { Prisma } from '../generated/prisma/client';
import type { AnnounceInTransaction } from './question-events';
import { questionInclude, questionQuery, toQuestion } from './question-records';

/** A question as stored: the validated input with its slug settled and topic slugs derived. */
export interface QuestionRecordInput {
  slug: string;
  title: string;
  statement: string;
  difficulty: Difficulty;
  /** Attached by slug; a topic that does not exist yet is created with this name. */
  topics: { name: string; slug: string }[];
  examples: Example[];
  constraints: string[];
  hints: string[];
  starterCode: StarterCode;
  entryPoint: EntryPoint;
  testCases: TestCase[];
  /** Replaced whole on every write; absent means none. */
  referenceSolutions?: ReferenceSolutions;
  /** Settled by the service: the input's, else DEFAULT_RUBRIC. */
  rubric: Rubric;
}

type Transaction = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path segment names a question by id when it is a UUID, else by slug (slugs never look like UUIDs: they are kebab-case words). */
export function idOrSlugWhere(idOrSlug: string): Prisma.QuestionWhereUniqueInput {
  return UUID.test(idOrSlug) ? { id: idOrSlug.toLowerCase() } : { slug: idOrSlug };
}

function conflictOn(fields: ('slug' | 'title')[]): ConflictError {
  return new ConflictError(
    'A question with this title or slug already exists',
    fields.map((field) => ({ field, location: 'body', message: `This ${field} is already taken` })),
  );
}

/**
 * Names the taken fields up front (both, when both are), excluding the
 * question being replaced. Titles compare case-insensitively, as the
 * questions_title_lower_key index does.
 */
async function assertSlugAndTitleFree(tx: Transaction, data: QuestionRecordInput, exceptId?: string): Promise<void> {
  const clashes = await tx.question.findMany({
    where: {
      OR: [{ slug: data.slug }, { title: { equals: data.title, mode: 'insensitive' } }],
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { slug: true, title: true },
  });
  const taken = new Set<'slug' | 'title'>();
  for (const clash of clashes) {
    if (clash.slug === data.slug) taken.add('slug');
    if (clash.title.toLowerCase() === data.title.toLowerCase()) taken.add('title');
  }
  if (taken.size > 0) throw conflictOn([...taken].sort());
}

/** Creates missing topics (a concurrent writer may create the same one: ON CONFLICT DO NOTHING) and returns their ids. */
async function topicIds(tx: Transaction, topics: QuestionRecordInput['topics']): Promise<string[]> {
  await tx.topic.createMany({ data: topics, skipDuplicates: true });
  const found = await tx.topic.findMany({ where: { slug: { in: topics.map((topic) => topic.slug) } }, select: { id: true } });
  return found.map((topic) => topic.id);
}

function scalarColumns(data: QuestionRecordInput) {
  return {
    slug: data.slug,
    title: data.title,
    statement: data.statement,
    difficulty: data.difficulty,
    examples: data.examples as Prisma.InputJsonValue,
    constraints: data.constraints,
    hints: data.hints,
    starterCode: data.starterCode as Prisma.InputJsonValue,
    entryPoint: data.entryPoint as Prisma.InputJsonValue,
    referenceSolutions: (data.referenceSolutions ?? {}) as Prisma.InputJsonValue,
    rubric: data.rubric as Prisma.InputJsonValue,
  };
}

function testCaseRows(testCases: TestCase[]) {
  return testCases.map((testCase, position) => ({
    position,
    args: testCase.args as Prisma.InputJsonValue,
    // Never JSON null: every value type of the contracts excludes it.
    expected: testCase.expected as Prisma.InputJsonValue,
    hidden: testCase.hidden,
  }));
}

/** A unique violation that slipped past the pre-check (a concurrent write) becomes the same conflict. */
function asConflict(error: unknown): unknown {
  const fields = uniqueViolationFields(error);
  if (!fields) return error;
  const taken = (['slug', 'title'] as const).filter((name) => fields.some((field) => field.includes(name)));
  return conflictOn(taken.length > 0 ? [...taken] : ['slug']);
}

/** Writes the change's event to the outbox in the change's transaction. */
async function commitWithEvent(tx: Prisma.TransactionClient, question: Question, announce: AnnounceInTransaction): Promise<Question> {
  await tx.outboxEvent.create({ data: outboxRow(announce(question)) });
  return question;
}

/** The only code that writes questions, and reads one question whole (the list reads are in questions.queries.ts). */
export function createQuestionsRepository(prisma: PrismaClient) {
  return {
    async findByIdOrSlug(idOrSlug: string, { includeHidden }: { includeHidden: boolean }): Promise<Question | null> {
      const row = await prisma.question.findUnique({ where: idOrSlugWhere(idOrSlug), ...questionQuery(includeHidden) });
      return row ? toQuestion(row) : null;
    },

    async findById(id: string, { includeHidden }: { includeHidden: boolean }): Promise<Question | null> {
      const row = await prisma.question.findUnique({ where: { id }, ...questionQuery(includeHidden) });
      return row ? toQuestion(row) : null;
    },

    /** Only the interviewer's material of the question (for an internal caller); null when it does not exist. */
    async findInterviewerMaterial(id: string): Promise<InterviewerMaterial | null> {
      const row = await prisma.question.findUnique({
        where: { id },
        select: { id: true, hints: true, referenceSolutions: true, rubric: true },
      });
      return row
        ? {
            questionId: row.id,
            hints: row.hints,
            referenceSolutions: row.referenceSolutions as ReferenceSolutions,
            rubric: row.rubric as Rubric,
          }
        : null;
    },

    /** Throws ConflictError naming `slug` and/or `title` when either is taken. Returns it with every test case. */
    async create(data: QuestionRecordInput, announce: AnnounceInTransaction): Promise<Question> {
      try {
        return await prisma.$transaction(async (tx) => {
          await assertSlugAndTitleFree(tx, data);
          const ids = await topicIds(tx, data.topics);
          const row = await tx.question.create({
            data: {
              ...scalarColumns(data),
              topics: { create: ids.map((topicId) => ({ topicId })) },
              testCases: { createMany: { data: testCaseRows(data.testCases) } },
            },
            include: questionInclude(true),
          });
          return commitWithEvent(tx, toQuestion(row), announce);
        });
      } catch (error) {
        throw asConflict(error);
      }
    },

    /** Replaces every field, topic and test case of the question; null when it does not exist. */
    async replace(idOrSlug: string, data: QuestionRecordInput, announce: AnnounceInTransaction): Promise<Question | null> {
      try {
        return await prisma.$transaction(async (tx) => {
          const current = await tx.question.findUnique({ where: idOrSlugWhere(idOrSlug), select: { id: true } });
          if (!current) return null;
          await assertSlugAndTitleFree(tx, data, current.id);
          const ids = await topicIds(tx, data.topics);
          const row = await tx.question.update({
            where: { id: current.id },
            data: {
              ...scalarColumns(data),
              topics: { deleteMany: {}, create: ids.map((topicId) => ({ topicId })) },
              testCases: { deleteMany: {}, createMany: { data: testCaseRows(data.testCases) } },
            },
            include: questionInclude(true),
          });
          return commitWithEvent(tx, toQuestion(row), announce);
        });
      } catch (error) {
        throw asConflict(error);
      }
    },

    /** Deletes the question (its topic links and test cases go with it) and returns what was deleted; null when absent. */
    async delete(idOrSlug: string, announce: AnnounceInTransaction): Promise<Question | null> {
      return prisma.$transaction(async (tx) => {
        const current = await tx.question.findUnique({ where: idOrSlugWhere(idOrSlug), include: questionInclude(true) });
        if (!current) return null;
        // deleteMany: a concurrent delete leaves nothing to delete, which is "not found", not an error.
        const { count } = await tx.question.deleteMany({ where: { id: current.id } });
        return count === 1 ? commitWithEvent(tx, toQuestion(current), announce) : null;
      });
    },
  };
}

export type QuestionsRepository = ReturnType<typeof createQuestionsRepository>;
