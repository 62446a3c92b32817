import path from 'node:path';
import { ConflictError } from '@peerprep/service-kit';
import { createTestDatabase, type TestDatabase } from '@peerprep/testing';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { createQuestionsRepository, type NewQuestion, type QuestionsRepository } from './questions.repository';

const migrationsDir = path.join(__dirname, '../../prisma/migrations');

describe('questions repository (real Postgres)', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let questions: QuestionsRepository;

  beforeAll(async () => {
    db = await createTestDatabase({ migrationsDir, label: 'questions_repo' });
    prisma = createPrismaClient(db.url);
    questions = createQuestionsRepository(prisma);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  beforeEach(async () => {
    await prisma.question.deleteMany();
    await prisma.topic.deleteMany();
  });

  const twoSum: NewQuestion = {
    slug: 'two-sum',
    title: 'Two Sum',
    statement: 'Return the indices of the two numbers that add up to `target`.',
    difficulty: 'EASY',
    topics: [
      { name: 'Hash Table', slug: 'hash-table' },
      { name: 'Arrays', slug: 'arrays' },
    ],
  };

  it('creates a question with its topics and finds it by slug', async () => {
    const created = await questions.create(twoSum);

    expect(created).toMatchObject({ slug: 'two-sum', title: 'Two Sum', difficulty: 'EASY' });
    expect(created.topics.map((topic) => topic.slug)).toEqual(['arrays', 'hash-table']);
    expect(await questions.findBySlug('two-sum')).toEqual(created);
    expect(await questions.findBySlug('three-sum')).toBeNull();
  });

  it('reuses an existing topic instead of creating a duplicate', async () => {
    const first = await questions.create(twoSum);
    const second = await questions.create({
      slug: 'contains-duplicate',
      title: 'Contains Duplicate',
      statement: 'Does any value appear twice?',
      difficulty: 'EASY',
      topics: [{ name: 'Arrays', slug: 'arrays' }],
    });

    expect(second.topics[0]?.id).toBe(first.topics.find((topic) => topic.slug === 'arrays')?.id);
    expect((await questions.listTopics()).map((topic) => topic.name)).toEqual(['Arrays', 'Hash Table']);
  });

  it('lists no topics in an empty bank', async () => {
    expect(await questions.listTopics()).toEqual([]);
  });

  it('rejects a duplicate slug with a conflict naming slug, and creates nothing', async () => {
    await questions.create(twoSum);

    const attempt = questions.create({ ...twoSum, title: 'Two Sum Again', topics: [{ name: 'Math', slug: 'math' }] });

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ fields: [{ field: 'slug' }] });
    expect(await prisma.question.count()).toBe(1);
    expect((await questions.listTopics()).map((topic) => topic.slug)).not.toContain('math');
  });

  it('rejects a duplicate title with a conflict naming title', async () => {
    await questions.create(twoSum);

    await expect(questions.create({ ...twoSum, slug: 'two-sum-2' })).rejects.toMatchObject({
      name: 'ConflictError',
      fields: [{ field: 'title' }],
    });
  });
});
