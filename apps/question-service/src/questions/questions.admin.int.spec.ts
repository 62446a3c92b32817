import { DEFAULT_RUBRIC, INTERNAL_TOKEN_HEADER, type Question } from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import request from 'supertest';
import { questionInput, rubric } from '../../test/question-fixtures';
import { INTERNAL_TOKEN, startQuestionService, type QuestionServiceHarness } from '../../test/question-service-harness';

jest.setTimeout(30_000);

describe('question-service admin writes and single reads (real Postgres and RabbitMQ)', () => {
  let svc: QuestionServiceHarness;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const asAdmin = () => bearer(svc.adminToken);

  beforeAll(async () => {
    svc = await startQuestionService('question_admin');
  });

  afterAll(async () => {
    await svc?.stop();
  });

  beforeEach(async () => {
    await svc.prisma.question.deleteMany();
    await svc.prisma.topic.deleteMany();
  });

  async function createAsAdmin(overrides: Parameters<typeof questionInput>[0] = {}): Promise<Question> {
    const res = await request(svc.url).post('/api/questions').set(asAdmin()).send(questionInput(overrides)).expect(201);
    return res.body as Question;
  }

  function eventFor(type: string, questionId: string) {
    return svc.events.find((event) => event.type === type && event.payload['questionId'] === questionId);
  }

  describe('POST /api/questions', () => {
    it('lets an admin create a question with every field, answering 201 with the stored question and its location', async () => {
      const res = await request(svc.url).post('/api/questions').set(asAdmin()).send(questionInput()).expect(201);

      expect(res.headers['location']).toBe('/api/questions/sum-of-list');
      expect(res.body).toMatchObject({
        slug: 'sum-of-list',
        title: 'Sum Of List',
        difficulty: 'EASY',
        topics: [
          { slug: 'arrays', name: 'Arrays' },
          { slug: 'math', name: 'Math' },
        ],
        examples: questionInput().examples,
        constraints: questionInput().constraints,
        hints: questionInput().hints,
        starterCode: questionInput().starterCode,
        entryPoint: questionInput().entryPoint,
        testCases: questionInput().testCases,
        referenceSolutions: questionInput().referenceSolutions,
        rubric: questionInput().rubric,
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(res.body.createdAt)).not.toBeNaN();
    });

    it('derives the slug from the title when none is given', async () => {
      const created = await createAsAdmin({ slug: undefined, title: 'Longest Calm Stretch!' });
      expect(created.slug).toBe('longest-calm-stretch');
    });

    it('publishes question.created after the commit, with the request id as correlation id', async () => {
      const res = await request(svc.url)
        .post('/api/questions')
        .set(asAdmin())
        .set('x-request-id', 'create-req-1')
        .send(questionInput())
        .expect(201);

      await waitFor(() => eventFor('question.created', res.body.id) !== undefined, 10_000, 'question.created');
      expect(eventFor('question.created', res.body.id)).toEqual({
        type: 'question.created',
        payload: { questionId: res.body.id, slug: 'sum-of-list', title: 'Sum Of List', difficulty: 'EASY', topics: ['arrays', 'math'] },
        correlationId: 'create-req-1',
      });
    });

    it('answers 401 without a token, with a token it does not trust, and with a malformed header', async () => {
      await request(svc.url).post('/api/questions').send(questionInput()).expect(401);
      await request(svc.url).post('/api/questions').set(bearer(svc.foreignToken)).send(questionInput()).expect(401);
      await request(svc.url).post('/api/questions').set('authorization', 'Basic abc').send(questionInput()).expect(401);
      expect(await svc.prisma.question.count()).toBe(0);
    });

    it('answers 403 to a signed-in student and writes nothing', async () => {
      const res = await request(svc.url).post('/api/questions').set(bearer(svc.userToken)).send(questionInput()).expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await svc.prisma.question.count()).toBe(0);
    });

    it('answers 400 naming every invalid field', async () => {
      const body = {
        ...questionInput(),
        title: '',
        difficulty: 'TRIVIAL',
        topics: [],
        starterCode: { javascript: '' },
        testCases: [{ args: ['not a list'], expected: 'three', hidden: false }],
        unexpected: true,
      };
      const res = await request(svc.url).post('/api/questions').set(asAdmin()).send(body).expect(400);

      const fields = (res.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['title', 'difficulty', 'topics', 'starterCode.typescript']));
      expect(JSON.stringify(res.body.errors)).toContain('unexpected');
      expect(await svc.prisma.question.count()).toBe(0);
    });

    it('answers 400 naming the test-case argument or result that does not fit the entry point', async () => {
      const res = await request(svc.url)
        .post('/api/questions')
        .set(asAdmin())
        .send(questionInput({ testCases: [{ args: [['x']], expected: 'three', hidden: false }] }))
        .expect(400);
      const fields = (res.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['testCases.0.args.0', 'testCases.0.expected']));
    });

    it('answers 409 naming slug when the slug is taken, and title when the title is taken in any case', async () => {
      await createAsAdmin();

      const slugTaken = await request(svc.url)
        .post('/api/questions')
        .set(asAdmin())
        .send(questionInput({ title: 'Another Title' }))
        .expect(409);
      expect(slugTaken.body.errors).toEqual([expect.objectContaining({ field: 'slug' })]);

      const titleTaken = await request(svc.url)
        .post('/api/questions')
        .set(asAdmin())
        .send(questionInput({ slug: 'another-slug', title: 'sum of LIST' }))
        .expect(409);
      expect(titleTaken.body.errors).toEqual([expect.objectContaining({ field: 'title' })]);

      const bothTaken = await request(svc.url).post('/api/questions').set(asAdmin()).send(questionInput()).expect(409);
      expect((bothTaken.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['slug', 'title']);
      expect(await svc.prisma.question.count()).toBe(1);
    });

    it('answers 409 to one of two racing creates of the same question, never 500', async () => {
      const statuses = await Promise.all(
        [1, 2].map(async () => (await request(svc.url).post('/api/questions').set(asAdmin()).send(questionInput())).status),
      );
      expect(statuses.sort()).toEqual([201, 409]);
    });

    it('reuses existing topics by slug instead of duplicating them', async () => {
      await createAsAdmin();
      await createAsAdmin({ slug: 'product-of-list', title: 'Product Of List', topics: ['arrays', 'Recursion'] });
      const topics = await svc.prisma.topic.findMany({ orderBy: { slug: 'asc' } });
      expect(topics.map((topic) => [topic.slug, topic.name])).toEqual([
        ['arrays', 'Arrays'],
        ['math', 'Math'],
        ['recursion', 'Recursion'],
      ]);
    });
  });

  describe('GET /api/questions/:idOrSlug', () => {
    it('finds a question by slug and by id', async () => {
      const created = await createAsAdmin();
      const bySlug = await request(svc.url).get('/api/questions/sum-of-list').expect(200);
      const byId = await request(svc.url).get(`/api/questions/${created.id}`).expect(200);
      expect(bySlug.body.id).toBe(created.id);
      expect(byId.body.slug).toBe('sum-of-list');
    });

    it('shows anonymous readers and students only the visible test cases, and never the reference solutions', async () => {
      const created = await createAsAdmin();
      const reads = await Promise.all(
        [`/api/questions/sum-of-list`, `/api/questions/${created.id}`].flatMap((path) => [
          request(svc.url).get(path).expect(200),
          request(svc.url).get(path).set(bearer(svc.userToken)).expect(200),
        ]),
      );
      for (const res of reads) {
        expect(res.body.testCases).toEqual([{ args: [[1, 2]], expected: 3, hidden: false }]);
        expect(Object.keys(res.body)).not.toContain('referenceSolutions');
        expect(JSON.stringify(res.body)).not.toContain('sum(nums)');
      }
    });

    it('shows admins and internal callers the hidden test cases and the reference solutions too', async () => {
      await createAsAdmin();
      const admin = await request(svc.url).get('/api/questions/sum-of-list').set(asAdmin()).expect(200);
      const internal = await request(svc.url)
        .get('/api/questions/sum-of-list')
        .set(INTERNAL_TOKEN_HEADER, INTERNAL_TOKEN)
        .expect(200);
      for (const res of [admin, internal]) {
        expect(res.body.testCases).toEqual(questionInput().testCases);
        expect(res.body.referenceSolutions).toEqual(questionInput().referenceSolutions);
      }
    });

    it('answers an empty set of reference solutions and the default rubric for a question created without either', async () => {
      await createAsAdmin({ referenceSolutions: undefined, rubric: undefined });
      const admin = await request(svc.url).get('/api/questions/sum-of-list').set(asAdmin()).expect(200);
      expect(admin.body.referenceSolutions).toEqual({});
      expect(admin.body.rubric).toEqual(DEFAULT_RUBRIC);
    });

    it('answers 401 to a wrong internal token or an untrusted access token rather than treating them as anonymous', async () => {
      await createAsAdmin();
      await request(svc.url).get('/api/questions/sum-of-list').set(INTERNAL_TOKEN_HEADER, 'guessed-token-0000000').expect(401);
      await request(svc.url).get('/api/questions/sum-of-list').set(bearer(svc.foreignToken)).expect(401);
    });

    it('answers 404 with a problem naming the missing question, for an unknown slug or id', async () => {
      const bySlug = await request(svc.url).get('/api/questions/no-such-question').expect(404);
      expect(bySlug.headers['content-type']).toContain('application/problem+json');
      expect(bySlug.body.detail).toContain('no-such-question');
      await request(svc.url).get('/api/questions/7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10').expect(404);
    });
  });

  describe('PUT /api/questions/:idOrSlug', () => {
    it('replaces every field, topic and test case, keeps the slug when none is given, and publishes question.updated', async () => {
      const created = await createAsAdmin();
      const replacement = questionInput({
        slug: undefined,
        title: 'Sum Of Positive Numbers',
        difficulty: 'MEDIUM',
        topics: ['Greedy'],
        hints: [],
        testCases: [{ args: [[1, -2, 3]], expected: 4, hidden: true }],
      });

      const res = await request(svc.url).put(`/api/questions/${created.id}`).set(asAdmin()).send(replacement).expect(200);

      expect(res.body).toMatchObject({
        id: created.id,
        slug: 'sum-of-list',
        title: 'Sum Of Positive Numbers',
        difficulty: 'MEDIUM',
        topics: [{ slug: 'greedy', name: 'Greedy' }],
        hints: [],
        testCases: [{ args: [[1, -2, 3]], expected: 4, hidden: true }],
        createdAt: created.createdAt,
      });
      expect(await svc.prisma.questionTestCase.count()).toBe(1);
      await waitFor(() => eventFor('question.updated', created.id) !== undefined, 10_000, 'question.updated');
      expect(eventFor('question.updated', created.id)?.payload).toMatchObject({ difficulty: 'MEDIUM', topics: ['greedy'] });
    });

    it('replaces the reference solutions with the body\'s, and drops them all when the body has none', async () => {
      await createAsAdmin();
      const cpp = 'class Solution {\npublic:\n  int solve(std::vector<int> nums) { int s = 0; for (int n : nums) s += n; return s; }\n};\n';
      const replaced = await request(svc.url)
        .put('/api/questions/sum-of-list')
        .set(asAdmin())
        .send(questionInput({ referenceSolutions: { cpp } }))
        .expect(200);
      expect(replaced.body.referenceSolutions).toEqual({ cpp });
      const read = await request(svc.url).get('/api/questions/sum-of-list').set(asAdmin()).expect(200);
      expect(read.body.referenceSolutions).toEqual({ cpp });

      await request(svc.url).put('/api/questions/sum-of-list').set(asAdmin()).send(questionInput({ referenceSolutions: undefined })).expect(200);
      const emptied = await request(svc.url).get('/api/questions/sum-of-list').set(asAdmin()).expect(200);
      expect(emptied.body.referenceSolutions).toEqual({});
    });

    it('answers 400 naming referenceSolutions.<language> for a language that is not one of the five, and the language for code that is too long', async () => {
      await createAsAdmin();
      const ruby = await request(svc.url)
        .put('/api/questions/sum-of-list')
        .set(asAdmin())
        .send({ ...questionInput(), referenceSolutions: { ruby: 'def solve(nums) = nums.sum' } })
        .expect(400);
      expect(ruby.body.errors).toEqual([expect.objectContaining({ field: 'referenceSolutions.ruby', message: expect.stringContaining('ruby') })]);
      const tooLong = await request(svc.url)
        .post('/api/questions')
        .set(asAdmin())
        .send(questionInput({ slug: 'long-sum', title: 'Long Sum', referenceSolutions: { python: `# ${'x'.repeat(20_000)}\n` } }))
        .expect(400);
      expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'referenceSolutions.python' })]);
      const unchanged = await request(svc.url).get('/api/questions/sum-of-list').set(asAdmin()).expect(200);
      expect(unchanged.body.referenceSolutions).toEqual(questionInput().referenceSolutions);
      await request(svc.url).get('/api/questions/long-sum').expect(404);
    });

    it('replaces the rubric with the body\'s (order kept), and gives the default one back when the body has none', async () => {
      await createAsAdmin();
      const reordered = [...rubric].reverse().map((criterion) => ({ ...criterion, title: `${criterion.title} (revised)` }));
      const replaced = await request(svc.url).put('/api/questions/sum-of-list').set(asAdmin()).send(questionInput({ rubric: reordered })).expect(200);
      expect(replaced.body.rubric).toEqual(reordered);
      const read = await request(svc.url).get('/api/questions/sum-of-list').set(asAdmin()).expect(200);
      expect(read.body.rubric).toEqual(reordered);

      await request(svc.url).put('/api/questions/sum-of-list').set(asAdmin()).send(questionInput({ rubric: undefined })).expect(200);
      const reset = await request(svc.url).get('/api/questions/sum-of-list').set(asAdmin()).expect(200);
      expect(reset.body.rubric).toEqual(DEFAULT_RUBRIC);
    });

    it.each([
      ['a repeated criterion id', [rubric[0], rubric[1], { ...rubric[1], title: 'Again' }], ['rubric.2.id']],
      ['more than 8 criteria', Array.from({ length: 9 }, (_, index) => ({ ...rubric[0], id: `criterion-${index}` })), ['rubric']],
      ['no criteria', [], ['rubric']],
      ['an empty title', [{ ...rubric[0], title: '  ' }], ['rubric.0.title']],
      ['a title over 80 characters', [{ ...rubric[0], title: 'x'.repeat(81) }], ['rubric.0.title']],
      ['a description over 500 characters', [{ ...rubric[0], description: 'x'.repeat(501) }], ['rubric.0.description']],
      ['an id that is not a slug', [{ ...rubric[0], id: 'Running Total' }], ['rubric.0.id']],
    ])('answers 400 naming the rubric field for %s, on create and on replace, and stores nothing', async (_case, bad, fields) => {
      await createAsAdmin();
      const created = await request(svc.url)
        .post('/api/questions')
        .set(asAdmin())
        .send({ ...questionInput({ slug: 'other-sum', title: 'Other Sum' }), rubric: bad })
        .expect(400);
      expect((created.body.errors as { field: string }[]).map((error) => error.field)).toEqual(fields);
      const replaced = await request(svc.url).put('/api/questions/sum-of-list').set(asAdmin()).send({ ...questionInput(), rubric: bad }).expect(400);
      expect((replaced.body.errors as { field: string }[]).map((error) => error.field)).toEqual(fields);
      expect((await request(svc.url).get('/api/questions/sum-of-list').set(asAdmin()).expect(200)).body.rubric).toEqual(rubric);
      await request(svc.url).get('/api/questions/other-sum').expect(404);
    });

    it('renames the slug when the body gives a new one', async () => {
      await createAsAdmin();
      await request(svc.url)
        .put('/api/questions/sum-of-list')
        .set(asAdmin())
        .send(questionInput({ slug: 'list-sum' }))
        .expect(200);
      await request(svc.url).get('/api/questions/list-sum').expect(200);
      await request(svc.url).get('/api/questions/sum-of-list').expect(404);
    });

    it('answers 409 naming title when another question has it, and leaves both unchanged', async () => {
      await createAsAdmin();
      await createAsAdmin({ slug: 'product-of-list', title: 'Product Of List' });
      const res = await request(svc.url)
        .put('/api/questions/product-of-list')
        .set(asAdmin())
        .send(questionInput({ slug: undefined, title: 'Sum of list' }))
        .expect(409);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'title' })]);
      const untouched = await request(svc.url).get('/api/questions/product-of-list').expect(200);
      expect(untouched.body.title).toBe('Product Of List');
    });

    it('answers 404 for an unknown question, 400 for an invalid body, 401 and 403 for non-admins', async () => {
      await createAsAdmin();
      await request(svc.url).put('/api/questions/no-such-question').set(asAdmin()).send(questionInput()).expect(404);
      const invalid = await request(svc.url)
        .put('/api/questions/sum-of-list')
        .set(asAdmin())
        .send({ ...questionInput(), examples: [] })
        .expect(400);
      expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'examples' })]);
      await request(svc.url).put('/api/questions/sum-of-list').send(questionInput()).expect(401);
      await request(svc.url).put('/api/questions/sum-of-list').set(bearer(svc.userToken)).send(questionInput()).expect(403);
    });
  });

  describe('DELETE /api/questions/:idOrSlug', () => {
    it('deletes the question with its test cases, answers 204, and publishes question.deleted', async () => {
      const created = await createAsAdmin();
      await request(svc.url).delete('/api/questions/sum-of-list').set(asAdmin()).expect(204);

      await request(svc.url).get('/api/questions/sum-of-list').expect(404);
      expect(await svc.prisma.questionTestCase.count()).toBe(0);
      await waitFor(() => eventFor('question.deleted', created.id) !== undefined, 10_000, 'question.deleted');
      expect(eventFor('question.deleted', created.id)?.payload).toEqual({
        questionId: created.id,
        slug: 'sum-of-list',
        difficulty: 'EASY',
        topics: ['arrays', 'math'],
      });
    });

    it('answers 404 for an unknown question, 401 without a token and 403 for a student', async () => {
      const created = await createAsAdmin();
      await request(svc.url).delete('/api/questions/no-such-question').set(asAdmin()).expect(404);
      await request(svc.url).delete(`/api/questions/${created.id}`).expect(401);
      await request(svc.url).delete(`/api/questions/${created.id}`).set(bearer(svc.userToken)).expect(403);
      await request(svc.url).get(`/api/questions/${created.id}`).expect(200);
    });
  });
});
