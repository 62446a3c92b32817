import { ConflictError } from '@peerprep/service-kit';
import type { PrismaClient } from '../db/prisma';
import { uniqueViolationFields } from '../db/unique-violation';
import type { Difficulty, Question, Topic } from '../generated/prisma/client';

export type { Difficulty, Topic };

export interface QuestionWithTopics extends Question {
  topics: Topic[];
}

export interface NewQuestion {
  slug: string;
  title: string;
  statement: string;
  difficulty: Difficulty;
  /** Attached by slug; a topic that does not exist yet is created. */
  topics: { name: string; slug: string }[];
}

const withTopics = { topics: { include: { topic: true } } } as const;

function toQuestionWithTopics({ topics, ...question }: Question & { topics: { topic: Topic }[] }): QuestionWithTopics {
  return {
    ...question,
    topics: topics.map(({ topic }) => topic).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The only code that reads or writes questions and topics. */
export function createQuestionsRepository(prisma: PrismaClient) {
  return {
    /** Throws ConflictError naming `slug` and/or `title` when either is taken. */
    async create({ topics, ...question }: NewQuestion): Promise<QuestionWithTopics> {
      try {
        const created = await prisma.question.create({
          data: {
            ...question,
            topics: {
              create: topics.map((topic) => ({
                topic: { connectOrCreate: { where: { slug: topic.slug }, create: topic } },
              })),
            },
          },
          include: withTopics,
        });
        return toQuestionWithTopics(created);
      } catch (error) {
        const fields = uniqueViolationFields(error);
        if (!fields) throw error;
        const taken = (['slug', 'title'] as const).filter((name) => fields.includes(name));
        throw new ConflictError(
          'A question with these details already exists',
          taken.map((field) => ({ field, message: `This ${field} is already taken` })),
        );
      }
    },

    async findBySlug(slug: string): Promise<QuestionWithTopics | null> {
      const found = await prisma.question.findUnique({ where: { slug }, include: withTopics });
      return found ? toQuestionWithTopics(found) : null;
    },

    listTopics(): Promise<Topic[]> {
      return prisma.topic.findMany({ orderBy: { name: 'asc' } });
    },
  };
}

export type QuestionsRepository = ReturnType<typeof createQuestionsRepository>;
