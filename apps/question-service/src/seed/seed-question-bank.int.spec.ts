import { DEFAULT_RUBRIC } from '@peerprep/contracts';
import { ValidationError } from '@peerprep/service-kit';
import { waitFor } from '@peerprep/testing';
import { seedQuestions } from '../../prisma/seed';
import { questionInput } from '../../test/question-fixtures';
import { startQuestionService, type QuestionServiceHarness } from '../../test/question-service-harness';
import { seedQuestionBank } from './seed-question-bank';

jest.setTimeout(60_000);

const twoQuestions = [
  { question: questionInput() },
  {
    question: questionInput({
      slug: 'largest-of-list',
      title: 'Largest Of List',
      difficulty: 'MEDIUM',
      topics: ['Arrays'],
      testCases: [{ args: [[4, 9, 2]], expected: 9, hidden: false }],
    }),
  },
];

describe('seeding the question bank (real Postgres and RabbitMQ)', () => {
  let svc: QuestionServiceHarness;

  beforeAll(async () => {
    svc = await startQuestionService('question_seed');
  });

  afterAll(async () => {
    await svc?.stop();
  });

  beforeEach(async () => {
    await svc.prisma.question.deleteMany();
    await svc.prisma.topic.deleteMany();
    svc.events.length = 0;
  });

  const created = () => svc.events.filter((event) => event.type === 'question.created');

  it('creates every question once; seeding again changes and announces nothing', async () => {
    expect(await seedQuestionBank(svc.bank, twoQuestions)).toEqual({
      created: ['sum-of-list', 'largest-of-list'],
      updated: [],
      unchanged: [],
    });
    const firstIds = (await svc.prisma.question.findMany({ orderBy: { slug: 'asc' } })).map((question) => question.id);

    expect(await seedQuestionBank(svc.bank, twoQuestions)).toEqual({
      created: [],
      updated: [],
      unchanged: ['sum-of-list', 'largest-of-list'],
    });

    expect((await svc.prisma.question.findMany({ orderBy: { slug: 'asc' } })).map((question) => question.id)).toEqual(firstIds);
    expect(await svc.prisma.questionTestCase.count()).toBe(3);
    expect(await svc.prisma.topic.count()).toBe(2);

    // A later change is announced after anything the second run could have sent.
    const changed = [twoQuestions[0], { question: { ...twoQuestions[1].question, hints: ['Track the best so far.'] } }];
    expect(await seedQuestionBank(svc.bank, changed)).toMatchObject({ updated: ['largest-of-list'] });
    await waitFor(() => svc.events.some((event) => event.type === 'question.updated'), 10_000, 'question.updated');
    expect(created().map((event) => event.payload['slug'])).toEqual(['sum-of-list', 'largest-of-list']);
  });

  it('updates a changed seed question in place, keeping its id', async () => {
    await seedQuestionBank(svc.bank, twoQuestions);
    const before = await svc.bank.getQuestion('largest-of-list', { includeHidden: true });

    const edited = { question: { ...twoQuestions[1].question, statement: 'Return the largest number.', topics: ['Arrays', 'Math'] } };
    expect(await seedQuestionBank(svc.bank, [edited])).toEqual({ created: [], updated: ['largest-of-list'], unchanged: [] });

    const after = await svc.bank.getQuestion('largest-of-list', { includeHidden: true });
    expect(after).toMatchObject({ id: before.id, statement: 'Return the largest number.' });
    expect(after.topics.map((topic) => topic.slug)).toEqual(['arrays', 'math']);
  });

  it('updates a seed question whose reference solutions alone changed', async () => {
    await seedQuestionBank(svc.bank, twoQuestions);
    const solutions = { ...twoQuestions[1].question.referenceSolutions, java: 'class Solution {}\n' };
    const edited = { question: { ...twoQuestions[1].question, referenceSolutions: solutions } };
    expect(await seedQuestionBank(svc.bank, [twoQuestions[0], edited])).toEqual({
      created: [],
      updated: ['largest-of-list'],
      unchanged: ['sum-of-list'],
    });
    expect((await svc.bank.getQuestion('largest-of-list', { includeHidden: true })).referenceSolutions).toEqual(solutions);
  });

  it('writes nothing when any seed question is invalid, naming the question and field', async () => {
    const broken = { question: { ...twoQuestions[1].question, examples: [] } };

    const attempt = seedQuestionBank(svc.bank, [twoQuestions[0], broken]);

    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      message: 'Seed question largest-of-list is invalid',
      fields: [expect.objectContaining({ field: '[1].examples' })],
    });
    expect(await svc.prisma.question.count()).toBe(0);
  });

  it('seeds the project bank twice leaving exactly one copy of each question', async () => {
    const first = await seedQuestionBank(svc.bank, seedQuestions);
    const second = await seedQuestionBank(svc.bank, seedQuestions);

    expect(first.created).toHaveLength(seedQuestions.length);
    expect(second).toEqual({ created: [], updated: [], unchanged: first.created });
    expect(await svc.prisma.question.count()).toBe(seedQuestions.length);
    const stored = await svc.bank.getQuestion('merge-busy-slots', { includeHidden: true });
    expect(Object.keys(stored.referenceSolutions ?? {}).sort()).toEqual(['cpp', 'java', 'javascript', 'python', 'typescript']);
    expect(stored.rubric).toEqual(DEFAULT_RUBRIC);
    const forStudents = await svc.bank.getQuestion('merge-busy-slots', { includeHidden: false });
    expect([forStudents.hints, forStudents.referenceSolutions, forStudents.rubric]).toEqual([undefined, undefined, undefined]);
  });
});
