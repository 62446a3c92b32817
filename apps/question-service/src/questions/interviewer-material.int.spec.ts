import {
  DEFAULT_RUBRIC,
  INTERNAL_TOKEN_HEADER,
  PICK_QUESTION_PATH,
  interviewerMaterialPath,
  interviewerMaterialSchema,
  type Question,
} from '@peerprep/contracts';
import request from 'supertest';
import { questionInput } from '../../test/question-fixtures';
import { INTERNAL_TOKEN, startQuestionService, type QuestionServiceHarness } from '../../test/question-service-harness';

jest.setTimeout(30_000);

/** Words that appear only in the interviewer's material, so finding one anywhere in a body is a leak. */
const HINT = 'Hintmarker: walk the list once.';
const SOLUTION = '# Solutionmarker\ndef solve(nums):\n    return sum(nums)\n';
const RUBRIC = [
  { id: 'one-pass', title: 'Rubricmarker one pass', description: 'Rubricmarker: sums without sorting.' },
  { id: 'empty-list', title: 'Handles []', description: 'Answers 0 for an empty list.' },
];
const MARKERS = /hintmarker|solutionmarker|rubricmarker/i;

const ANONYMOUS_OR_STUDENT = ['anonymous', 'student'] as const;

describe('interviewer material: hints, reference solutions and rubric (real Postgres and RabbitMQ)', () => {
  let svc: QuestionServiceHarness;
  let question: Question;
  const asAdmin = () => ({ authorization: `Bearer ${svc.adminToken}` });
  const asInternal = () => ({ [INTERNAL_TOKEN_HEADER]: INTERNAL_TOKEN });
  const headersOf = (who: (typeof ANONYMOUS_OR_STUDENT)[number]): Record<string, string> =>
    who === 'student' ? { authorization: `Bearer ${svc.userToken}` } : {};

  beforeAll(async () => {
    svc = await startQuestionService('question_material');
    question = await svc.bank.createQuestion(
      questionInput({ hints: [HINT, 'Second hint.'], referenceSolutions: { python: SOLUTION }, rubric: RUBRIC }),
      {},
    );
  });

  afterAll(async () => {
    await svc?.stop();
  });

  describe.each(ANONYMOUS_OR_STUDENT)('as %s', (who) => {
    const publicReads = () => [
      '/api/questions',
      '/api/questions?q=sum',
      '/api/questions?difficulty=EASY&topics=arrays&sort=title',
      `/api/questions/${question.slug}`,
      `/api/questions/${question.id}`,
      '/api/topics',
    ];

    it('gets no hints, rubric or reference solutions from any question route', async () => {
      for (const path of publicReads()) {
        const res = await request(svc.url).get(path).set(headersOf(who)).expect(200);
        expect({ path, leaked: MARKERS.test(res.text) }).toEqual({ path, leaked: false });
        const fields = JSON.stringify(res.body).match(/"(hints|rubric|referenceSolutions)"/g);
        expect({ path, fields }).toEqual({ path, fields: null });
      }
    });

    it('still gets the rest of the question: statement, examples, constraints, visible test cases', async () => {
      const res = await request(svc.url).get(`/api/questions/${question.slug}`).set(headersOf(who)).expect(200);
      expect(res.body).toMatchObject({
        statement: questionInput().statement,
        examples: questionInput().examples,
        constraints: questionInput().constraints,
        testCases: [{ args: [[1, 2]], expected: 3, hidden: false }],
      });
    });

    it('cannot reach the internal routes (401), nor the probes and metrics with any of it', async () => {
      const material = await request(svc.url).get(interviewerMaterialPath(question.id)).set(headersOf(who)).expect(401);
      expect(MARKERS.test(material.text)).toBe(false);
      const picked = await request(svc.url).post(PICK_QUESTION_PATH).set(headersOf(who)).send({ topics: ['arrays'] }).expect(401);
      expect(MARKERS.test(picked.text)).toBe(false);
      for (const path of ['/healthz', '/readyz', '/metrics']) {
        const res = await request(svc.url).get(path).set(headersOf(who)).expect(200);
        expect({ path, leaked: MARKERS.test(res.text) }).toEqual({ path, leaked: false });
      }
    });
  });

  it('gives admins and internal callers every part in a question read, and the picker hands it to services', async () => {
    for (const headers of [asAdmin(), asInternal()]) {
      for (const path of [`/api/questions/${question.slug}`, `/api/questions/${question.id}`]) {
        const res = await request(svc.url).get(path).set(headers).expect(200);
        expect(res.body).toMatchObject({ hints: [HINT, 'Second hint.'], referenceSolutions: { python: SOLUTION }, rubric: RUBRIC });
      }
    }
    const picked = await request(svc.url).post(PICK_QUESTION_PATH).set(asInternal()).send({ topics: ['arrays'] }).expect(200);
    expect(picked.body.question).toMatchObject({ hints: [HINT, 'Second hint.'], rubric: RUBRIC });
  });

  it('never lists any of it, even for an admin or an internal caller', async () => {
    for (const headers of [asAdmin(), asInternal()]) {
      const res = await request(svc.url).get('/api/questions?q=sum').set(headers).expect(200);
      expect(res.body.items).toHaveLength(1);
      expect(MARKERS.test(res.text)).toBe(false);
    }
  });

  describe('GET /internal/questions/:id/interviewer-material', () => {
    it('answers an internal caller with the hints in order, the reference solutions and the rubric', async () => {
      const res = await request(svc.url).get(interviewerMaterialPath(question.id)).set(asInternal()).expect(200);
      expect(interviewerMaterialSchema.parse(res.body)).toEqual({
        questionId: question.id,
        hints: [HINT, 'Second hint.'],
        referenceSolutions: { python: SOLUTION },
        rubric: RUBRIC,
      });
    });

    it('answers a question created without a rubric with the default one, and without solutions with none', async () => {
      const plain = await svc.bank.createQuestion(
        questionInput({ slug: 'plain-sum', title: 'Plain Sum', rubric: undefined, referenceSolutions: undefined, hints: [] }),
        {},
      );
      const res = await request(svc.url).get(interviewerMaterialPath(plain.id)).set(asInternal()).expect(200);
      expect(res.body).toEqual({ questionId: plain.id, hints: [], referenceSolutions: {}, rubric: DEFAULT_RUBRIC });
      await svc.bank.deleteQuestion(plain.id, {});
    });

    it('answers 401 without the internal token, with a wrong one, and to an admin token alone', async () => {
      await request(svc.url).get(interviewerMaterialPath(question.id)).expect(401);
      await request(svc.url).get(interviewerMaterialPath(question.id)).set(INTERNAL_TOKEN_HEADER, 'not-the-internal-token').expect(401);
      const admin = await request(svc.url).get(interviewerMaterialPath(question.id)).set(asAdmin()).expect(401);
      expect(admin.headers['content-type']).toContain('application/problem+json');
    });

    it('answers 400 naming id for a slug or anything else that is not a question id, and 404 for an unknown id', async () => {
      const bySlug = await request(svc.url).get(interviewerMaterialPath(question.slug)).set(asInternal()).expect(400);
      expect(bySlug.body.errors).toEqual([expect.objectContaining({ field: 'id', location: 'params' })]);
      const unknown = await request(svc.url)
        .get(interviewerMaterialPath('7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10'))
        .set(asInternal())
        .expect(404);
      expect(unknown.body.detail).toContain('7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10');
    });
  });
});
