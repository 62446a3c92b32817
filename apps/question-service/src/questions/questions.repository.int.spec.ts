import path from 'node:path';
import { DEFAULT_RUBRIC, toTopicSlug, type Question } from '@peerprep/contracts';
import { ConflictError } from '@peerprep/service-kit';
import { createTestDatabase, type TestDatabase } from '@peerprep/testing';
import { questionInput } from '../../test/question-fixtures';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { questionEvent } from './question-events';
import { createQuestionsRepository, type QuestionRecordInput, type QuestionsRepository } from './questions.repository';

const migrationsDir = path.join(__dirname, '../../prisma/migrations');

function record(overrides: Parameters<typeof questionInput>[0] = {}): QuestionRecordInput {
  const input = questionInput(overrides);
  return {
    ...input,
    slug: input.slug ?? 'sum-of-list',
    topics: input.topics.map((name) => ({ name, slug: toTopicSlug(name) })),
    rubric: input.rubric ?? [...DEFAULT_RUBRIC],
  };
}

const announceCreated = (question: Question) => questionEvent('question.created', question);
const announceUpdated = (question: Question) => questionEvent('question.updated', question);
const announceDeleted = (question: Question) => questionEvent('question.deleted', question);

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
    await prisma.outboxEvent.deleteMany();
  });

  it('stores every part of a question and reads it back whole, test cases in order', async () => {
    const created = await questions.create(record(), announceCreated);

    const found = await questions.findByIdOrSlug('sum-of-list', { includeHidden: true });
    expect(found).toEqual(created);
    expect(found).toMatchObject({ ...questionInput(), topics: [{ slug: 'arrays', name: 'Arrays' }, { slug: 'math', name: 'Math' }] });
    expect(await questions.findById(created.id, { includeHidden: true })).toEqual(created);
  });

  it('leaves hidden test cases and the interviewer material out unless asked for them', async () => {
    await questions.create(record(), announceCreated);
    const visible = await questions.findByIdOrSlug('sum-of-list', { includeHidden: false });
    expect(visible?.testCases).toEqual([{ args: [[1, 2]], expected: 3, hidden: false }]);
    expect(Object.keys(visible ?? {})).toEqual(expect.not.arrayContaining(['hints', 'referenceSolutions', 'rubric']));
  });

  it('reads the interviewer material alone by id, and null for an unknown id', async () => {
    const created = await questions.create(record(), announceCreated);
    expect(await questions.findInterviewerMaterial(created.id)).toEqual({
      questionId: created.id,
      hints: questionInput().hints,
      referenceSolutions: questionInput().referenceSolutions,
      rubric: questionInput().rubric,
    });
    expect(await questions.findInterviewerMaterial('7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10')).toBeNull();
  });

  it('finds by id whatever the case of the uuid, and answers null for unknown ids and slugs', async () => {
    const created = await questions.create(record(), announceCreated);
    expect((await questions.findByIdOrSlug(created.id.toUpperCase(), { includeHidden: false }))?.id).toBe(created.id);
    expect(await questions.findByIdOrSlug('no-such-question', { includeHidden: false })).toBeNull();
    expect(await questions.findByIdOrSlug('7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10', { includeHidden: false })).toBeNull();
  });

  it('rejects a duplicate slug and title with a conflict naming both, and creates nothing', async () => {
    await questions.create(record(), announceCreated);

    const attempt = questions.create(record({ topics: ['Geometry'] }), announceCreated);

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ fields: [{ field: 'slug' }, { field: 'title' }] });
    expect(await prisma.question.count()).toBe(1);
    expect(await prisma.topic.count({ where: { slug: 'geometry' } })).toBe(0);
  });

  it('creates a shared new topic once when two questions with it are created at the same time', async () => {
    await Promise.all([
      questions.create(record({ slug: 'one-question', title: 'One Question', topics: ['Bit Tricks'] }), announceCreated),
      questions.create(record({ slug: 'two-question', title: 'Two Question', topics: ['Bit Tricks'] }), announceCreated),
    ]);
    expect(await prisma.topic.count({ where: { slug: 'bit-tricks' } })).toBe(1);
    expect(await prisma.questionTopic.count()).toBe(2);
  });

  it('answers null when replacing or deleting a question that does not exist', async () => {
    expect(await questions.replace('no-such-question', record(), announceUpdated)).toBeNull();
    expect(await questions.delete('no-such-question', announceDeleted)).toBeNull();
  });

  it('returns the deleted question, which is then gone with its test cases', async () => {
    const created = await questions.create(record(), announceCreated);
    expect(await questions.delete(created.id, announceDeleted)).toEqual(created);
    expect(await prisma.questionTestCase.count()).toBe(0);
    expect(await prisma.questionTopic.count()).toBe(0);
  });

  it('commits each change with its event in the outbox, and a refused change with none', async () => {
    const question = await questions.create(record(), announceCreated);
    await expect(questions.create(record(), announceCreated)).rejects.toBeInstanceOf(ConflictError);
    const renamed = await questions.replace(question.id, record({ title: 'Sum Of A List' }), announceUpdated);
    await questions.delete(question.id, announceDeleted);
    expect(await questions.delete(question.id, announceDeleted)).toBeNull();

    const rows = await prisma.outboxEvent.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => [row.type, (row.envelope as { payload: { questionId: string } }).payload.questionId])).toEqual([
      ['question.created', question.id],
      ['question.updated', question.id],
      ['question.deleted', question.id],
    ]);
    expect((rows[1]?.envelope as { payload: { title: string } } | undefined)?.payload.title).toBe(renamed?.title);
  });
});
