import { once } from 'node:events';
import net from 'node:net';
import request from 'supertest';
import { z } from 'zod';
import { capturedLogger, startTestService, stopAllServices } from '../test/helpers';
import {
  BadGatewayError,
  ConflictError,
  DomainError,
  ForbiddenError,
  GatewayTimeoutError,
  NotFoundError,
  RateLimitedError,
  ServiceUnavailableError,
  UnauthorizedError,
  ValidationError,
} from './errors';
import { sendProblem } from './problem';
import { validate } from './validate';

afterEach(stopAllServices);

const signupSchema = z.object({ email: z.email(), age: z.number().int().min(13), name: z.string().optional() });

function expectProblem(res: request.Response, status: number, path: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: 'about:blank', status, instance: path });
  expect(typeof res.body.title).toBe('string');
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
}

describe('problem+json errors', () => {
  it('answers 413 past the JSON body limit', async () => {
    const { url } = await startTestService({
      env: { BODY_LIMIT: '1kb' },
      routes: (app) => app.post('/api/echo', (req, res) => res.json(req.body)),
    });
    const res = await request(url)
      .post('/api/echo')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(2048) }));
    expectProblem(res, 413, '/api/echo');
  });

  it('answers 400 for malformed JSON', async () => {
    const { url } = await startTestService({ routes: (app) => app.post('/api/echo', (req, res) => res.json(req.body)) });
    const res = await request(url).post('/api/echo').set('content-type', 'application/json').send('{"email": ');
    expectProblem(res, 400, '/api/echo');
    expect(res.body.detail).toMatch(/not valid JSON/);
    expect(res.body.errors).toEqual([{ field: '(root)', location: 'body', message: expect.stringMatching(/not valid JSON/) }]);
  });

  it('names each unknown field of a strict body, not the object holding it', async () => {
    const strict = z.strictObject({ name: z.string(), address: z.strictObject({ city: z.string() }) });
    const { url } = await startTestService({
      routes: (app) => app.post('/api/strict', validate(strict, 'body'), (req, res) => res.json(req.body)),
    });
    const res = await request(url).post('/api/strict').send({ name: 'a', extra: 1, other: 2, address: { city: 'b', zip: '1' } });
    expectProblem(res, 400, '/api/strict');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', location: 'body', message: 'Unrecognized key: "extra"' },
        { field: 'other', location: 'body', message: 'Unrecognized key: "other"' },
        { field: 'address.zip', location: 'body', message: 'Unrecognized key: "zip"' },
      ]),
    );
    expect(res.body.errors).toHaveLength(3);
  });

  it('answers 400 naming the body when its Content-Encoding does not decode it', async () => {
    const { url } = await startTestService({ routes: (app) => app.post('/api/echo', (req, res) => res.json(req.body)) });
    const res = await request(url).post('/api/echo').set('content-type', 'application/json').set('content-encoding', 'gzip').send('{"not":"gzip"}');
    expectProblem(res, 400, '/api/echo');
    expect(res.body.errors).toEqual([{ field: '(root)', location: 'body', message: expect.stringMatching(/could not be decoded/) }]);
  });

  it('answers 400 naming the path when a path parameter is not validly percent-encoded', async () => {
    const { url } = await startTestService({ routes: (app) => app.get('/api/items/:id', (req, res) => res.json(req.params)) });
    const res = await request(url).get('/api/items/%E0%A4%A');
    expectProblem(res, 400, '/api/items/%E0%A4%A');
    expect(res.body.errors).toEqual([{ field: '(path)', location: 'params', message: 'The request path is not validly percent-encoded' }]);
  });

  it('answers 400 naming the field for what no schema makes safe: a NUL character, hostile nesting', async () => {
    const anyJson = z.object({ text: z.string().optional(), value: z.json().optional() });
    const { url } = await startTestService({
      routes: (app) => {
        app.post('/api/values', validate(anyJson, 'body'), (req, res) => res.json(req.body));
        app.get('/api/search', validate(z.object({ q: z.string() }), 'query'), (req, res) => res.json(req.query));
      },
    });
    const nul = await request(url).post('/api/values').send({ text: 'a\u0000b' });
    expectProblem(nul, 400, '/api/values');
    expect(nul.body.errors).toEqual([{ field: 'text', location: 'body', message: 'Must not contain the NUL character (U+0000)' }]);

    const deep = await request(url).post('/api/values').set('content-type', 'application/json').send(`{"value":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    expectProblem(deep, 400, '/api/values');
    expect(deep.body.errors).toEqual([expect.objectContaining({ location: 'body', message: 'Nested deeper than 64 levels' })]);
    expect(deep.body.errors[0].field).toMatch(/^value\.0\.0/);

    const query = await request(url).get('/api/search?q=a%00b');
    expectProblem(query, 400, '/api/search');
    expect(query.body.errors).toEqual([{ field: 'q', location: 'query', message: 'Must not contain the NUL character (U+0000)' }]);
  });

  it('answers headers over the size limit with a 431 problem, not a bare status line', async () => {
    const { url } = await startTestService();
    const res = await fetch(`${url}/healthz`, { headers: { 'x-padding': 'h'.repeat(32 * 1024) } });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ type: 'about:blank', status: 431, title: 'Request Header Fields Too Large' });
  });

  it('answers a request line that is not HTTP with a 400 problem', async () => {
    const { url } = await startTestService();
    const { port } = new URL(url);
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.end('NOT HTTP AT ALL\r\n\r\n');
    let raw = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
    await once(socket, 'close');
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(raw).toMatch(/\r\nContent-Type: application\/problem\+json/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, title: 'Bad Request' });
  });

  it('answers 415 when a JSON body route gets another content type', async () => {
    const { url } = await startTestService({
      routes: (app) => app.post('/api/signup', validate(signupSchema, 'body'), (req, res) => res.json(req.body)),
    });
    const res = await request(url).post('/api/signup').set('content-type', 'text/plain').send('email=a@b.c');
    expectProblem(res, 415, '/api/signup');
  });

  it('answers 404 for an unknown route', async () => {
    const { url } = await startTestService();
    const res = await request(url).get('/api/nothing-here?x=1');
    expectProblem(res, 404, '/api/nothing-here');
    expect(res.body.detail).toBe('No route for GET /api/nothing-here');
  });

  it('answers 500 with the request id and no stack or internal message, and logs the error', async () => {
    const { logger, lines } = capturedLogger();
    const { url } = await startTestService({
      logger,
      routes: (app) =>
        app.get('/api/boom', async () => {
          throw new Error('database password is p4ss at line 12');
        }),
    });
    const res = await request(url).get('/api/boom').set('x-request-id', 'trace-500');
    expectProblem(res, 500, '/api/boom');
    expect(res.body.requestId).toBe('trace-500');
    expect(res.text).not.toMatch(/p4ss|at line|stack|Error:/);
    const logged = lines.find((l) => l.msg === 'unhandled error') as unknown as { err: { message: string } };
    expect(logged.err.message).toContain('p4ss');
  });
});

describe('validate', () => {
  it('answers 400 naming each field at fault in the body', async () => {
    const { url } = await startTestService({
      routes: (app) => app.post('/api/signup', validate(signupSchema, 'body'), (req, res) => res.json(req.body)),
    });
    const res = await request(url).post('/api/signup').send({ email: 'not-an-email', age: 'twelve' });
    expectProblem(res, 400, '/api/signup');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', location: 'body' }),
        expect.objectContaining({ field: 'age', location: 'body' }),
      ]),
    );
    expect(res.body.errors).toHaveLength(2);
  });

  it('replaces the body with the parsed value (unknown keys stripped)', async () => {
    const { url } = await startTestService({
      routes: (app) => app.post('/api/signup', validate(signupSchema, 'body'), (req, res) => res.json(req.body)),
    });
    const res = await request(url).post('/api/signup').send({ email: 'a@b.co', age: 20, role: 'ADMIN' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ email: 'a@b.co', age: 20 });
  });

  it('parses the query (coerced) into req.query and names bad query fields', async () => {
    const query = z.object({ page: z.coerce.number().int().min(1).default(1), q: z.string().optional() });
    const { url } = await startTestService({
      routes: (app) => app.get('/api/items', validate(query, 'query'), (req, res) => res.json(req.query)),
    });
    const ok = await request(url).get('/api/items?q=graphs');
    expect(ok.body).toEqual({ page: 1, q: 'graphs' });
    const bad = await request(url).get('/api/items?page=zero');
    expectProblem(bad, 400, '/api/items');
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'page', location: 'query' })]);
  });

  it('parses route params and headers', async () => {
    const params = z.object({ id: z.uuid() });
    const headers = z.object({ 'x-tenant': z.string().min(2) });
    const { url } = await startTestService({
      routes: (app) =>
        app.get('/api/items/:id', validate(params, 'params'), validate(headers, 'headers'), (req, res) =>
          res.json({ id: req.params.id, tenant: req.headers['x-tenant'], host: Boolean(req.headers.host) }),
        ),
    });
    const badParam = await request(url).get('/api/items/42').set('x-tenant', 'acme');
    expect(badParam.body.errors).toEqual([expect.objectContaining({ field: 'id', location: 'params' })]);
    const badHeader = await request(url).get('/api/items/7b0e6a36-1f7e-4f55-9d64-3c1b1e0b7a10');
    expect(badHeader.body.errors).toEqual([expect.objectContaining({ field: 'x-tenant', location: 'headers' })]);
    const ok = await request(url).get('/api/items/7b0e6a36-1f7e-4f55-9d64-3c1b1e0b7a10').set('x-tenant', 'acme');
    expect(ok.body).toEqual({ id: '7b0e6a36-1f7e-4f55-9d64-3c1b1e0b7a10', tenant: 'acme', host: true });
  });
});

describe('domain errors', () => {
  it.each([
    new ValidationError('bad', [{ field: 'title', message: 'required' }]),
    new UnauthorizedError(),
    new ForbiddenError(),
    new NotFoundError('No question abc'),
    new ConflictError('Taken', [{ field: 'email', message: 'already taken' }]),
    new RateLimitedError(7),
    new BadGatewayError(),
    new ServiceUnavailableError(),
    new GatewayTimeoutError(),
  ].map((error, i) => [error.name, [400, 401, 403, 404, 409, 429, 502, 503, 504][i], error] as const))(
    'maps %s to %i in one middleware',
    async (_name, status, error: DomainError) => {
      const { url } = await startTestService({
        routes: (app) =>
          app.get('/api/fail', async () => {
            throw error;
          }),
      });
      const res = await request(url).get('/api/fail');
      expectProblem(res, status, '/api/fail');
      expect(res.body.detail).toBe(error.message);
    },
  );

  it('names the conflicting fields of a ConflictError', async () => {
    const { url } = await startTestService({
      routes: (app) =>
        app.post('/api/users', () => {
          throw new ConflictError('Already registered', [{ field: 'email', message: 'already taken' }]);
        }),
    });
    const res = await request(url).post('/api/users').send({});
    expect(res.body.errors).toEqual([{ field: 'email', location: 'body', message: 'already taken' }]);
  });

  it('sends Retry-After for a RateLimitedError', async () => {
    const { url } = await startTestService({
      routes: (app) =>
        app.get('/api/limited', () => {
          throw new RateLimitedError(12.2);
        }),
    });
    const res = await request(url).get('/api/limited');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('13');
  });

  it('sends Retry-After for a ServiceUnavailableError that knows when to come back, and none otherwise', async () => {
    const { url } = await startTestService({
      routes: (app) => {
        app.get('/api/full', () => {
          throw new ServiceUnavailableError('The queue is full', { retryAfterSeconds: 4.5 });
        });
        app.get('/api/down', () => {
          throw new ServiceUnavailableError('Down');
        });
      },
    });
    const full = await request(url).get('/api/full');
    expect([full.status, full.headers['retry-after'], full.body.detail]).toEqual([503, '5', 'The queue is full']);
    const down = await request(url).get('/api/down');
    expect([down.status, down.headers['retry-after']]).toEqual([503, undefined]);
  });

  it('answers 500 for a DomainError subclass with no mapping', async () => {
    class OddError extends DomainError {}
    const { url } = await startTestService({
      routes: (app) =>
        app.get('/api/odd', () => {
          throw new OddError('odd');
        }),
    });
    expect((await request(url).get('/api/odd')).status).toBe(500);
  });
});

describe('sendProblem outside Express', () => {
  it('answers the same problem shape from a raw handler', async () => {
    const { url } = await startTestService({
      rawHandler: (req, res) => {
        if (!req.url?.startsWith('/raw')) return false;
        res.setHeader('x-request-id', 'raw-1');
        sendProblem(res, 502, undefined, { detail: 'upstream refused' });
        return true;
      },
    });
    const res = await request(url).get('/raw/thing?x=1');
    expectProblem(res, 502, '/raw/thing');
    expect(res.body).toMatchObject({ title: 'Bad Gateway', detail: 'upstream refused', requestId: 'raw-1' });
  });
});
