import { buildOpenApiDocument } from './openapi';
import { createConformanceChecker, type ObservedResponse, type OpenApiDocumentLike } from './openapi-conformance';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const PROBLEM_TYPE = { 'content-type': 'application/problem+json; charset=utf-8' };

/** A small document: one literal path beside a templated one, a 204, a 5XX range, a problem component. */
const document: OpenApiDocumentLike = {
  servers: [{ url: 'https://peerprep.example/api' }],
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          404: { $ref: '#/components/responses/NotFound' },
          '5XX': { $ref: '#/components/responses/NotFound' },
        },
      },
      delete: { operationId: 'deleteThing', responses: { 204: { description: 'gone' } } },
    },
    '/things/current': {
      get: {
        operationId: 'getCurrentThing',
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', properties: { current: { type: 'boolean' } }, required: ['current'] } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, parts: { type: 'array', items: { $ref: '#/components/schemas/Part' } } },
        required: ['id', 'name'],
        additionalProperties: false,
      },
      Part: { type: 'object', properties: { n: { type: 'integer', minimum: 0 } }, required: ['n'] },
      Problem: { type: 'object', properties: { status: { type: 'integer' }, title: { type: 'string' } }, required: ['status', 'title'] },
    },
    responses: {
      NotFound: { description: 'no', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    },
  },
};

const ID = '0190f7a2-3b4c-7d8e-9f01-23456789abcd';
const thing = { id: ID, name: 'gear', parts: [{ n: 1 }] };

function observed(overrides: Partial<ObservedResponse>): ObservedResponse {
  return { method: 'GET', url: `http://127.0.0.1:3001/api/things/${ID}`, status: 200, headers: JSON_TYPE, bodyText: JSON.stringify(thing), ...overrides };
}

describe('createConformanceChecker', () => {
  const checker = createConformanceChecker(document);

  it('passes a documented status, content type and body', () => {
    expect(checker.check(observed({}))).toEqual({ checked: true, operation: 'getThing', mismatches: [] });
    expect(checker.check(observed({ url: `/api/things/${ID}?expand=parts` }))).toMatchObject({ mismatches: [] });
  });

  it('fails an undocumented status, naming the documented ones', () => {
    expect(checker.check(observed({ status: 400, headers: PROBLEM_TYPE, bodyText: '{"status":400,"title":"Bad"}' }))).toEqual({
      checked: true,
      operation: 'getThing',
      mismatches: ['status 400 is not documented (documented: 200, 404, 5XX)'],
    });
  });

  it('matches a status range (5XX) and resolves response components', () => {
    expect(checker.check(observed({ status: 503, headers: PROBLEM_TYPE, bodyText: '{"status":503,"title":"Down"}' }))).toMatchObject({
      mismatches: [],
    });
    expect(checker.check(observed({ status: 404, headers: PROBLEM_TYPE, bodyText: '{"status":404}' })).mismatches).toEqual([
      "body does not match #/components/schemas/Problem: (root) must have required property 'title'",
    ]);
  });

  it('fails a content type the response does not document', () => {
    expect(checker.check(observed({ headers: { 'content-type': 'text/html' }, bodyText: '<p>hi</p>' }))).toMatchObject({
      mismatches: ['content type text/html is not documented for 200 (documented: application/json)'],
    });
    expect(checker.check(observed({ status: 404, headers: JSON_TYPE, bodyText: '{"status":404,"title":"No"}' })).mismatches).toEqual([
      'content type application/json is not documented for 404 (documented: application/problem+json)',
    ]);
  });

  it('fails a body that breaks the schema, down to nested components and formats', () => {
    const result = checker.check(observed({ bodyText: JSON.stringify({ id: 'not-a-uuid', name: 'gear', parts: [{ n: -1 }], extra: 1 }) }));
    expect(result).toMatchObject({ checked: true, operation: 'getThing' });
    expect(result.mismatches).toEqual(
      expect.arrayContaining([
        'body does not match #/components/schemas/Thing: /id must match format "uuid"',
        'body does not match #/components/schemas/Thing: /parts/0/n must be >= 0',
        'body does not match #/components/schemas/Thing: (root) must NOT have additional properties (extra)',
      ]),
    );
  });

  it('fails a missing, unparsable or undocumented body', () => {
    expect(checker.check(observed({ bodyText: '' })).mismatches).toEqual(['status 200 documents a application/json body, got none']);
    expect(checker.check(observed({ bodyText: '{"id":' })).mismatches).toEqual(['the application/json body is not JSON']);
    expect(checker.check(observed({ method: 'DELETE', status: 204, headers: {}, bodyText: '' })).mismatches).toEqual([]);
    expect(checker.check(observed({ method: 'DELETE', status: 204, bodyText: '{}' })).mismatches).toEqual([
      'status 204 documents no body, got 2 bytes of application/json',
    ]);
  });

  it('checks status and content type alone when the body could not be read', () => {
    expect(checker.check(observed({ bodyText: undefined })).mismatches).toEqual([]);
    expect(checker.check(observed({ status: 418, bodyText: undefined })).mismatches).toEqual([
      'status 418 is not documented (documented: 200, 404, 5XX)',
    ]);
  });

  it('prefers a literal path segment to a template', () => {
    expect(checker.check(observed({ url: '/api/things/current', bodyText: '{"current":true}' }))).toEqual({
      checked: true,
      operation: 'getCurrentThing',
      mismatches: [],
    });
  });

  it('skips by rule what the document does not describe', () => {
    const skipped = (overrides: Partial<ObservedResponse>) => checker.check(observed(overrides)).checked;
    expect(skipped({ method: 'OPTIONS', status: 204 })).toBe(false);
    expect(skipped({ method: 'HEAD', bodyText: '' })).toBe(false);
    expect(skipped({ status: 304, headers: {}, bodyText: '' })).toBe(false);
    expect(skipped({ url: '/healthz' })).toBe(false);
    expect(skipped({ url: '/internal/things/pick', method: 'POST' })).toBe(false);
    expect(skipped({ url: '/api/docs/openapi.json' })).toBe(false);
    expect(skipped({ headers: { ...JSON_TYPE, 'X-Test-Double': 'user-service' }, bodyText: '{"echo":true}' })).toBe(false);
    // A refusal at a route nobody documents (the 404 of an unknown path) is not an operation.
    expect(skipped({ url: '/api/things/a/b', status: 404, headers: PROBLEM_TYPE })).toBe(false);
    expect(skipped({ method: 'PUT', status: 404, headers: PROBLEM_TYPE })).toBe(false);
  });

  it('fails a success at an undocumented route or method inside a documented area', () => {
    expect(checker.check(observed({ url: '/api/things/a/b' }))).toEqual({
      checked: true,
      operation: 'GET /api/things/a/b',
      mismatches: ['undocumented path answered 200'],
    });
    expect(checker.check(observed({ method: 'PUT' })).mismatches).toEqual(['undocumented method PUT of /things/{id} answered 200']);
  });

  it('throws a message naming the request, the operation and each mismatch', () => {
    expect(() => checker.assertConforms(observed({ status: 418, headers: {}, bodyText: '' }))).toThrow(
      `The response breaks the OpenAPI document: GET /api/things/${ID} → 418 (getThing)\n  - status 418 is not documented (documented: 200, 404, 5XX)`,
    );
    expect(checker.assertConforms(observed({}))).toMatchObject({ checked: true, mismatches: [] });
  });
});

describe('the conformance checker on the real document', () => {
  const doc = buildOpenApiDocument();
  const checker = createConformanceChecker(doc);

  it('compiles every documented response schema in strict mode', () => {
    type Response = { $ref?: string; content?: Record<string, unknown> };
    const paths = doc.paths as Record<string, Record<string, { responses?: Record<string, Response> }>>;
    const components = doc.components?.responses as Record<string, Response>;
    let compiled = 0;
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          const resolved = response.$ref ? components[response.$ref.split('/').pop() ?? ''] : response;
          if (!resolved?.content) continue;
          const [mediaType] = Object.keys(resolved.content);
          // A body of the wrong shape: compilation (strict mode) must succeed, validation need not.
          const result = checker.check({
            method,
            url: `/api${path.replace(/\{[^}]+\}/g, ID)}`,
            status: status === '5XX' ? 503 : Number(status),
            headers: { 'content-type': mediaType },
            bodyText: '"x"',
          });
          expect({ method, path, status, checked: result.checked }).toEqual({ method, path, status, checked: true });
          compiled += 1;
        }
      }
    }
    expect(compiled).toBeGreaterThan(100);
  });

  it('reads its base path from the server URL', () => {
    expect(checker.check({ method: 'GET', url: '/api/topics', status: 200, headers: JSON_TYPE, bodyText: '{"items":[],"total":0}' })).toEqual({
      checked: true,
      operation: 'listTopics',
      mismatches: [],
    });
  });
});
