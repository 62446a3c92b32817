import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ApiContractError, ApiError, apiRequest, buildApiUrl } from './api-client';

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: SeenRequest, res: ServerResponse) => void;

const routes = new Map<string, Handler>();
const seen: SeenRequest[] = [];
let server: Server;
let baseUrl: string;

function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json') {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(request);
      const handler = routes.get(new URL(request.url, 'http://x').pathname);
      if (handler) handler(request, res);
      else sendJson(res, 404, { type: 'urn:peerprep:problem:not-found', title: 'Not Found', status: 404 }, 'application/problem+json');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  routes.clear();
  seen.length = 0;
});

const userSchema = z.object({ id: z.string(), username: z.string() });

describe('apiRequest', () => {
  it('GETs /api<path> and resolves with the body parsed by the schema', async () => {
    routes.set('/api/users/me', (_req, res) => sendJson(res, 200, { id: 'u1', username: 'ana', extra: true }));

    const user = await apiRequest('/users/me', { schema: userSchema, baseUrl });

    expect(user).toEqual({ id: 'u1', username: 'ana' });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/users/me', body: '' });
    expect(seen[0].headers['content-type']).toBeUndefined();
    expect(seen[0].headers.authorization).toBeUndefined();
  });

  it('sends the body as JSON and the token as a bearer authorization', async () => {
    routes.set('/api/auth/login', (req, res) => sendJson(res, 200, { id: 'u1', username: JSON.parse(req.body).identifier }));

    const user = await apiRequest('/auth/login', {
      method: 'POST',
      body: { identifier: 'ana', password: 'secret' },
      token: 'access-token',
      schema: userSchema,
      baseUrl,
    });

    expect(user.username).toBe('ana');
    expect(seen[0].method).toBe('POST');
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(seen[0].headers.authorization).toBe('Bearer access-token');
    expect(JSON.parse(seen[0].body)).toEqual({ identifier: 'ana', password: 'secret' });
  });

  it('encodes query values, repeating array keys and leaving out undefined ones', async () => {
    routes.set('/api/questions', (_req, res) => sendJson(res, 200, { total: 0 }));

    await apiRequest('/questions', {
      query: { difficulty: 'Easy', topics: ['Arrays', 'Dynamic Programming'], page: 2, q: undefined },
      schema: z.object({ total: z.number() }),
      baseUrl,
    });

    const url = new URL(seen[0].url, baseUrl);
    expect(url.searchParams.get('difficulty')).toBe('Easy');
    expect(url.searchParams.getAll('topics')).toEqual(['Arrays', 'Dynamic Programming']);
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.has('q')).toBe(false);
  });

  it('resolves a 204 with no body when the schema is z.void()', async () => {
    routes.set('/api/auth/logout', (_req, res) => {
      res.writeHead(204);
      res.end();
    });

    await expect(apiRequest('/auth/logout', { method: 'POST', schema: z.void(), baseUrl })).resolves.toBeUndefined();
  });

  it('reads "this, or 204 when there is nothing" with an optional schema, without an error', async () => {
    let present = false;
    routes.set('/api/match/requests/current', (_req, res) => {
      if (present) return sendJson(res, 200, { id: 'u1', username: 'ana' });
      res.writeHead(204);
      res.end();
    });

    await expect(apiRequest('/match/requests/current', { schema: userSchema.optional(), baseUrl })).resolves.toBeUndefined();
    present = true;
    await expect(apiRequest('/match/requests/current', { schema: userSchema.optional(), baseUrl })).resolves.toEqual({
      id: 'u1',
      username: 'ana',
    });
  });

  it('refuses a 204 where the schema requires a body: a contract error, not an ApiError', async () => {
    routes.set('/api/users/me', (_req, res) => {
      res.writeHead(204);
      res.end();
    });

    await expect(apiRequest('/users/me', { schema: userSchema, baseUrl })).rejects.toBeInstanceOf(ApiContractError);
  });

  it('turns a validation problem into an ApiError with one message per field', async () => {
    routes.set('/api/auth/signup', (_req, res) =>
      sendJson(
        res,
        400,
        {
          type: 'urn:peerprep:problem:validation',
          title: 'Validation failed',
          status: 400,
          detail: '2 fields are invalid',
          requestId: 'req-1',
          errors: [
            { field: 'email', location: 'body', message: 'Invalid email address' },
            { field: 'username', location: 'body', message: 'Too short' },
            { field: 'username', location: 'body', message: 'Only letters, digits and underscore' },
          ],
        },
        'application/problem+json',
      ),
    );

    const error = await apiRequest('/auth/signup', { method: 'POST', body: {}, schema: userSchema, baseUrl }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      title: 'Validation failed',
      detail: '2 fields are invalid',
      type: 'urn:peerprep:problem:validation',
      requestId: 'req-1',
      fieldErrors: { email: 'Invalid email address', username: 'Too short' },
    });
  });

  it('reads Retry-After from the header when the problem does not carry it', async () => {
    routes.set('/api/match/requests', (_req, res) => {
      res.writeHead(429, { 'Content-Type': 'application/problem+json', 'Retry-After': '7' });
      res.end(JSON.stringify({ type: 'urn:peerprep:problem:rate-limited', title: 'Too Many Requests', status: 429 }));
    });

    const error = await apiRequest('/match/requests', { method: 'POST', schema: z.unknown(), baseUrl }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 429, title: 'Too Many Requests', retryAfterSeconds: 7, fieldErrors: {} });
  });

  it('still gives an ApiError with the status when the error body is not a problem document', async () => {
    routes.set('/api/rooms/r1', (_req, res) => {
      res.writeHead(502, 'Bad Gateway', { 'Content-Type': 'text/html' });
      res.end('<html><body>upstream down</body></html>');
    });

    const error = await apiRequest('/rooms/r1', { schema: z.unknown(), baseUrl }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, title: 'Bad Gateway', fieldErrors: {} });
  });

  it('rejects a 2xx body that breaks the schema with an ApiContractError, not an ApiError', async () => {
    routes.set('/api/users/me', (_req, res) => sendJson(res, 200, { id: 42 }));

    const error = await apiRequest('/users/me', { schema: userSchema, baseUrl }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiContractError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ path: '/users/me', status: 200 });
  });

  it('loads a schema given as a loader while the request is on the wire, not after the answer', async () => {
    const order: string[] = [];
    routes.set('/api/users/me', (_req, res) => {
      order.push('answered');
      sendJson(res, 200, { id: 'u1', username: 'ana' });
    });
    const loadSchema = jest.fn(async () => {
      order.push('schema loaded');
      return userSchema;
    });

    await expect(apiRequest('/users/me', { schema: loadSchema, baseUrl })).resolves.toEqual({ id: 'u1', username: 'ana' });
    expect(loadSchema).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['schema loaded', 'answered']);
  });

  it('gives the ApiError of an error answer even when the schema could not be loaded', async () => {
    const loadSchema = () => Promise.reject(new Error('chunk failed'));

    await expect(apiRequest('/nowhere', { schema: loadSchema, baseUrl })).rejects.toMatchObject({ status: 404 });
  });

  it('rejects with the loader\'s error when the answer is fine but the schema could not be loaded', async () => {
    routes.set('/api/users/me', (_req, res) => sendJson(res, 200, { id: 'u1', username: 'ana' }));

    await expect(apiRequest('/users/me', { schema: () => Promise.reject(new Error('chunk failed')), baseUrl })).rejects.toThrow('chunk failed');
  });

  it('reports an unreachable server as an ApiError with status 0', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await apiRequest('/users/me', { schema: userSchema, baseUrl: closedUrl }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, title: 'Network error' });
  });

  it('passes an abort through as the AbortError, not as an ApiError', async () => {
    const controller = new AbortController();
    routes.set('/api/match/events', () => controller.abort()); // never answers: only the abort ends it

    const error = await apiRequest('/match/events', { schema: z.unknown(), baseUrl, signal: controller.signal }).catch((e: unknown) => e);

    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('buildApiUrl', () => {
  it('joins the base, /api and the path without doubling slashes', () => {
    expect(buildApiUrl('/topics', undefined, 'http://gw:3001/')).toBe('http://gw:3001/api/topics');
  });

  it('stays on the current origin when the base is empty (the browser case)', () => {
    expect(buildApiUrl('/topics', { page: 1 }, '')).toBe('/api/topics?page=1');
  });

  it('rejects a path without a leading slash', () => {
    expect(() => buildApiUrl('topics', undefined, '')).toThrow(TypeError);
  });
});
