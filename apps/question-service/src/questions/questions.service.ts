import { isDeepStrictEqual } from 'node:util';
import {
  DEFAULT_RUBRIC,
  questionSlugSchema,
  toTopicSlug,
  type InterviewerMaterial,
  type ListQuestionsQuery,
  type PickQuestionRequest,
  type Question,
  type QuestionInput,
  type QuestionsPage,
  type Rubric,
  type TopicsResponse,
} from '@peerprep/contracts';
import { NotFoundError, ValidationError } from '@peerprep/service-kit';
import type { OutboxRelay } from '@peerprep/messaging';
import { questionEvent } from './question-events';
import type { QuestionQueries } from './questions.queries';
import type { QuestionRecordInput, QuestionsRepository } from './questions.repository';

/**
 * Who is reading: admins and internal callers also see hidden test cases and
 * the interviewer's material (hints, reference solutions, rubric).
 */
export interface Reader {
  includeHidden: boolean;
}

export interface WriteContext {
  /** Request id of the HTTP call, carried into the events. */
  correlationId?: string;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

function slugFromTitle(title: string): string {
  const slug = toTopicSlug(title).slice(0, 100).replace(/-+$/, '');
  if (!questionSlugSchema.safeParse(slug).success) {
    throw new ValidationError('The request is invalid', [
      { field: 'slug', location: 'body', message: 'The title gives no usable slug; provide one' },
    ]);
  }
  return slug;
}

function toRecord(input: QuestionInput, slug: string): QuestionRecordInput {
  return {
    ...input,
    slug,
    topics: input.topics.map((name) => ({ name, slug: toTopicSlug(name) })),
    rubric: input.rubric ?? [...DEFAULT_RUBRIC],
  };
}

/** What makes two versions of a question the same, whatever the JSON key order or topic display names. */
function comparable(
  question: Omit<QuestionRecordInput, 'topics' | 'hints' | 'rubric'> & { topics: { slug: string }[]; hints?: string[]; rubric?: Rubric },
) {
  const { slug, title, statement, difficulty, examples, constraints, hints, starterCode, entryPoint, testCases, rubric } =
    question;
  const referenceSolutions = question.referenceSolutions ?? {};
  return JSON.parse(
    JSON.stringify({
      slug,
      title,
      statement,
      difficulty,
      topics: question.topics.map((topic) => topic.slug).sort(),
      examples,
      constraints,
      hints,
      starterCode,
      entryPoint,
      testCases,
      referenceSolutions,
      rubric,
    }),
  ) as unknown;
}

export function createQuestionsService({
  repository,
  queries,
  outbox,
}: {
  repository: QuestionsRepository;
  queries: QuestionQueries;
  /** Told after each commit that wrote an event, so it publishes now rather than at its next poll. */
  outbox?: Pick<OutboxRelay, 'wake'>;
}) {
  async function replaceExisting(current: Question, input: QuestionInput, context: WriteContext): Promise<Question> {
    const updated = await repository.replace(current.id, toRecord(input, input.slug ?? current.slug), (question) =>
      questionEvent('question.updated', question, context.correlationId),
    );
    if (!updated) throw new NotFoundError(`Question ${current.slug} does not exist`);
    outbox?.wake();
    return updated;
  }

  async function create(input: QuestionInput, context: WriteContext): Promise<Question> {
    const created = await repository.create(toRecord(input, input.slug ?? slugFromTitle(input.title)), (question) =>
      questionEvent('question.created', question, context.correlationId),
    );
    outbox?.wake();
    return created;
  }

  return {
    listQuestions(query: ListQuestionsQuery): Promise<QuestionsPage> {
      return queries.listQuestions(query);
    },

    async listTopics(): Promise<TopicsResponse> {
      const [items, questionCounts] = await Promise.all([queries.listTopicsWithCounts(), queries.countByDifficulty()]);
      return { items, total: items.length, questionCounts };
    },

    async getQuestion(idOrSlug: string, reader: Reader): Promise<Question> {
      const question = await repository.findByIdOrSlug(idOrSlug, reader);
      if (!question) throw new NotFoundError(`Question ${idOrSlug} does not exist`);
      return question;
    },

    /** Hints, reference solutions and rubric, for the interviewer's pane (the caller is a service). */
    async getInterviewerMaterial(questionId: string): Promise<InterviewerMaterial> {
      const material = await repository.findInterviewerMaterial(questionId);
      if (!material) throw new NotFoundError(`Question ${questionId} does not exist`);
      return material;
    },

    createQuestion: create,

    /** PUT semantics: the whole question is replaced; the slug stays unless the input gives a new one. */
    async replaceQuestion(idOrSlug: string, input: QuestionInput, context: WriteContext): Promise<Question> {
      const current = await repository.findByIdOrSlug(idOrSlug, { includeHidden: false });
      if (!current) throw new NotFoundError(`Question ${idOrSlug} does not exist`);
      return replaceExisting(current, input, context);
    },

    async deleteQuestion(idOrSlug: string, context: WriteContext): Promise<void> {
      const deleted = await repository.delete(idOrSlug, (question) => questionEvent('question.deleted', question, context.correlationId));
      if (!deleted) throw new NotFoundError(`Question ${idOrSlug} does not exist`);
      outbox?.wake();
    },

    /** A random question that fits, hidden test cases included (the caller is a service). */
    async pickQuestion(request: PickQuestionRequest): Promise<Question> {
      const id = await queries.pickQuestionId(request);
      const question = id ? await repository.findById(id, { includeHidden: true }) : null;
      if (!question) {
        const difficulty = request.difficulty ? `difficulty ${request.difficulty}` : 'any difficulty';
        const excluded = request.excludeIds.length > 0 ? `, excluding ${request.excludeIds.length} question(s)` : '';
        throw new NotFoundError(
          `No question fits ${difficulty} and topics ${request.topics.join(', ')}${excluded}`,
        );
      }
      return question;
    },

    /**
     * The seeder's write: creates the question, or replaces the one with the
     * same slug when anything differs, so seeding twice changes nothing and
     * publishes nothing the second time.
     */
    async upsertQuestionBySlug(input: QuestionInput & { slug: string }, context: WriteContext = {}): Promise<UpsertOutcome> {
      const current = await repository.findByIdOrSlug(input.slug, { includeHidden: true });
      if (!current) {
        await create(input, context);
        return 'created';
      }
      if (isDeepStrictEqual(comparable(current), comparable(toRecord(input, input.slug)))) return 'unchanged';
      await replaceExisting(current, input, context);
      return 'updated';
    },
  };
}

export type QuestionsService = ReturnType<typeof createQuestionsService>;
