import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { loginRequestSchema, paginationQuerySchema, updateProfileRequestSchema } from './index';
import { buildOpenApiDocument } from './openapi';

/** The public API table of DESIGN.md, as OpenAPI paths relative to /api. */
const DESIGN_ROUTES = [
  'post /auth/signup',
  'post /auth/login',
  'post /auth/refresh',
  'post /auth/logout',
  'get /users/me',
  'patch /users/me',
  'delete /users/me',
  'get /users',
  'patch /users/{id}/role',
  'get /questions',
  'get /questions/{idOrSlug}',
  'get /topics',
  'post /questions',
  'put /questions/{idOrSlug}',
  'delete /questions/{idOrSlug}',
  'post /match/requests',
  'get /match/requests/current',
  'delete /match/requests/current',
  'get /match/events',
  'get /rooms/{id}',
  'post /rooms/{id}/end',
  'get /collab/{roomId}',
  'get /history',
  'get /history/{id}',
];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Validates with @apidevtools/swagger-parser (schema and semantic checks) in
 * a plain Node process: its ref parser is ESM-only, which Node loads natively
 * but jest's CommonJS runtime cannot.
 */
function validateOpenApi(doc: unknown): { valid: boolean; error?: string } {
  const script = `
    const parser = require('@apidevtools/swagger-parser');
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk));
    process.stdin.on('end', () =>
      parser.validate(JSON.parse(input)).then(
        () => process.stdout.write(JSON.stringify({ valid: true })),
        (error) => process.stdout.write(JSON.stringify({ valid: false, error: error.message })),
      ),
    );`;
  const child = spawnSync(process.execPath, ['-e', script], { input: JSON.stringify(doc), encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`validator crashed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

function operations(doc: ReturnType<typeof buildOpenApiDocument>) {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ key: `${method} ${path}`, operation }] : [];
    }),
  );
}

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument();

  it('is a valid OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(validateOpenApi(doc)).toEqual({ valid: true });
  });

  it('is checked by a validator that does reject an invalid document', () => {
    const badParameter = { name: 'id', in: 'body', schema: { type: 'string' } };
    const invalid = { ...doc, paths: { '/x': { get: { parameters: [badParameter], responses: {} } } } };
    expect(validateOpenApi(invalid).valid).toBe(false);
    const dangling = { '/x': { get: { responses: { 200: { $ref: '#/components/responses/Nope' } } } } };
    expect(validateOpenApi({ ...doc, paths: dangling }).valid).toBe(false);
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('documents every route of the public API table', () => {
    const documented = operations(doc).map(({ key }) => key);
    expect(documented).toEqual(expect.arrayContaining(DESIGN_ROUTES));
  });

  it('gives every operation an id, at least one success response and a security decision', () => {
    for (const { key, operation } of operations(doc)) {
      const statuses = Object.keys(operation.responses ?? {});
      expect({ key, success: statuses.some((status) => /^[12]\d\d$/.test(status)) }).toEqual({ key, success: true });
      expect({ key, hasId: Boolean(operation.operationId), hasSecurity: Array.isArray(operation.security) }).toEqual({
        key,
        hasId: true,
        hasSecurity: true,
      });
    }
  });

  it('answers errors as problem+json, with Retry-After on 429', () => {
    const responses = doc.components?.responses ?? {};
    for (const name of ['BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'Conflict', 'TooManyRequests']) {
      expect(responses[name]).toMatchObject({
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      });
    }
    expect(responses['TooManyRequests']).toMatchObject({ headers: { 'Retry-After': expect.any(Object) } });
    expect(doc.paths?.['/auth/login']?.post?.responses?.['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
  });

  it('declares bearer auth and the refresh cookie', () => {
    expect(doc.components?.securitySchemes).toMatchObject({
      bearerAuth: { type: 'http', scheme: 'bearer' },
      refreshCookie: { type: 'apiKey', in: 'cookie', name: 'peerprep_refresh' },
    });
    expect(doc.paths?.['/auth/refresh']?.post?.security).toEqual([{ refreshCookie: [] }]);
    expect(doc.paths?.['/users']?.get?.security).toEqual([{ bearerAuth: [] }]);
  });

  it('includes the contract schemas as components', () => {
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'ProblemDetails',
        'SignupRequest',
        'TokenResponse',
        'UserProfile',
        'Question',
        'QuestionInput',
        'MatchStatusMessage',
        'RoomView',
        'AttemptDetail',
      ]),
    );
    expect(doc.components?.schemas?.['UpdateProfileRequest']).toMatchObject({ additionalProperties: false });
  });

  it('documents the topics query parameter as a list', () => {
    const topics = doc.paths?.['/questions']?.get?.parameters?.find(
      (parameter) => 'name' in parameter && parameter.name === 'topics',
    );
    expect(topics).toMatchObject({ in: 'query', required: false, schema: { type: 'array' } });
  });

  it('uses the given server URL, or /api by default', () => {
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect(buildOpenApiDocument({ serverUrl: 'https://peerprep.example/api' }).servers).toEqual([
      { url: 'https://peerprep.example/api' },
    ]);
  });

  it('builds the same document every time', () => {
    expect(buildOpenApiDocument()).toEqual(doc);
  });

  it("leaves zod's behaviour unchanged for other importers", () => {
    expect('openapi' in z.string()).toBe(false);
    expect(z.globalRegistry.get(loginRequestSchema)).toBeUndefined();
    expect(updateProfileRequestSchema.safeParse({ role: 'ADMIN' }).success).toBe(false);
    expect(paginationQuerySchema.parse({ page: '2' })).toEqual({ page: 2, pageSize: 20 });
    expect(z.toJSONSchema(loginRequestSchema)).not.toHaveProperty('id');
  });
});
