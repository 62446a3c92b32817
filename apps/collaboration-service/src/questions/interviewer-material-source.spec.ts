import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_RUBRIC, INTERNAL_TOKEN_HEADER, type InterviewerMaterial } from '@peerprep/contracts';
import { createLogger, ServiceUnavailableError } from '@peerprep/service-kit';
import { createHttpInterviewerMaterialSource, type InterviewerMaterialSource } from './interviewer-material-source';

const TOKEN = 'test-internal-token-0123456789';
const QUESTION_ID = 'c1de7a44-b2f0-4f0a-9d3e-5a8e9b102c1f';
const material: InterviewerMaterial = {
  questionId: QUESTION_ID,
  hints: ['Sort first.', 'Then walk two pointers inwards.'],
  referenceSolutions: { python: 'def solve(nums):\n    return sorted(nums)\n' },
  rubric: [...DEFAULT_RUBRIC],
};

/** A stand-in for question-service's internal route over real HTTP: tests set what it answers and see what it was asked. */
describe('createHttpInterviewerMaterialSource', () => {
  let server: http.Server;
  let url: string;
  let answer: { status: number; body: unknown } = { status: 200, body: material };
  const asked: { url?: string; token?: string | string[] }[] = [];
  let source: InterviewerMaterialSource;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      asked.push({ url: req.url, token: req.headers[INTERNAL_TOKEN_HEADER] });
      res.statusCode = answer.status;
      res.setHeader('content-type', 'application/json');
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    source = createHttpInterviewerMaterialSource({ questionServiceUrl: url, internalToken: TOKEN, logger: createLogger({ name: 'test', level: 'silent' }) });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    asked.length = 0;
    answer = { status: 200, body: material };
  });

  it('asks the internal route with the shared token and returns the material as the contract reads it', async () => {
    expect(await source.get(QUESTION_ID)).toEqual(material);
    expect(asked).toEqual([{ url: `/internal/questions/${QUESTION_ID}/interviewer-material`, token: TOKEN }]);
  });

  it('answers null when question-service has no such question', async () => {
    answer = { status: 404, body: { status: 404 } };
    expect(await source.get(QUESTION_ID)).toBeNull();
  });

  it.each([
    ['an error status', { status: 500, body: { status: 500 } }],
    ['a refused token', { status: 401, body: { status: 401 } }],
    ['material without its rubric', { status: 200, body: { ...material, rubric: undefined } }],
    ['material of another question', { status: 200, body: { ...material, questionId: '7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10' } }],
    ['a body that is not JSON', { status: 200, body: '<html>' }],
  ])('throws ServiceUnavailableError for %s', async (_case, reply) => {
    answer = reply;
    await expect(source.get(QUESTION_ID)).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it('throws ServiceUnavailableError when question-service cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = createHttpInterviewerMaterialSource({
      questionServiceUrl: `http://127.0.0.1:${port}`,
      internalToken: TOKEN,
      logger: createLogger({ name: 'test', level: 'silent' }),
    });
    await expect(unreachable.get(QUESTION_ID)).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
