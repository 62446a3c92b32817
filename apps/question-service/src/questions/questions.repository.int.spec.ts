import path from 'node:path';
import { toTopicSlug } from '@peerprep/contracts';
import { ConflictError } from '@peerprep/service-kit';
import { createTestDatabase, type TestDatabase } from '@peerprep/testing';
import { questionInput } from '../../test/question-fixtures';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { createQuestionsRepository, type QuestionRecordInput, type QuestionsRepository } from './questions.repository';

const migrationsDir = path.join(__dirname, '../../prisma/migrations');

function record(overrides: Parameters<typeof questionInput>[0] = {}): QuestionRecordInput {
  const input = questionInput(overrides);
  return {
    ...input,
    slug: input.slug ?? 'sum-of-list',
    topics: input.topics.map((name) => ({ name, slug: toTopicSlug(name) })),
  };
}

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

  it('stores every part of a question and reads it back whole, test cases in order', async () => {
    const created = await questions.create(record());

    const found = await questions.findByIdOrSlug('sum-of-list', { includeHidden: true });
    expect(found).toEqual(created);
    expect(found).toMatchObject({ ...questionInput(), topics: [{ slug: 'arrays', name: 'Arrays' }, { slug: 'math', name: 'Math' }] });
    expect(await questions.findById(created.id, { includeHidden: true })).toEqual(created);
  });

  it('leaves hidden test cases out unless asked for them', async () => {
    await questions.create(record());
    const visible = await questions.findByIdOrSlug('sum-of-list', { includeHidden: false });
    expect(visible?.testCases).toEqual([{ args: [[1, 2]], expected: 3, hidden: false }]);
  });

  it('finds by id whatever the case of the uuid, and answers null for unknown ids and slugs', async () => {
    const created = await questions.create(record());
    expect((await questions.findByIdOrSlug(created.id.toUpperCase(), { includeHidden: false }))?.id).toBe(created.id);
    expect(await questions.findByIdOrSlug('no-such-question', { includeHidden: false })).toBeNull();
    expect(await questions.findByIdOrSlug('7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10', { includeHidden: false })).toBeNull();
  });

  it('rejects a duplicate slug and title with a conflict naming both, and creates nothing', async () => {
    await questions.create(record());

    const attempt = questions.create(record({ topics: ['Geometry'] }));

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ fields: [{ field: 'slug' }, { field: 'title' }] });
    expect(await prisma.question.count()).toBe(1);
    expect(await prisma.topic.count({ where: { slug: 'geometry' } })).toBe(0);
  });

  it('creates a shared new topic once when two questions with it are created at the same time', async () => {
    await Promise.all([
      questions.create(record({ slug: 'one-question', title: 'One Question', topics: ['Bit Tricks'] })),
      questions.create(record({ slug: 'two-question', title: 'Two Question', topics: ['Bit Tricks'] })),
    ]);
    expect(await prisma.topic.count({ where: { slug: 'bit-tricks' } })).toBe(1);
    expect(await prisma.questionTopic.count()).toBe(2);
  });

  it('answers null when replacing or deleting a question that does not exist', async () => {
    expect(await questions.replace('no-such-question', record())).toBeNull();
    expect(await questions.delete('no-such-question')).toBeNull();
  });

  it('returns the deleted question, which is then gone with its test cases', async () => {
    const created = await questions.create(record());
    expect(await questions.delete(created.id)).toEqual(created);
    expect(await prisma.questionTestCase.count()).toBe(0);
    expect(await prisma.questionTopic.count()).toBe(0);
  });
});
