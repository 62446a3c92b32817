import { spawnSync } from 'node:child_process';
import { OpenApiGeneratorV31, zodToOpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  listQuestionsQuerySchema,
  loginRequestSchema,
  paginationQuerySchema,
  questionInputSchema,
  queryListRegistry,
  signupRequestSchema,
  updateProfileRequestSchema,
} from './index';
import { buildOpenApiDocument, DEFAULT_SERVER_URL, openApiComponentSchemas, unusablePatterns } from './openapi';
import { createSchemaCompiler } from './openapi-conformance';

/** The public API table of docs/architecture.md ("Public API"), as OpenAPI paths relative to /api. */
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
  'get /rooms/{id}/interview/rounds/{round}/material',
  'post /rooms/{id}/interview/rounds/{round}/hints/{index}/release',
  'put /rooms/{id}/interview/rounds/{round}/notes',
  'get /rooms/{id}/interview/hints',
  'post /rooms/{id}/feedback',
  'get /rooms/{id}/feedback',
  'get /history/{id}/feedback',
  'get /feedback/summary',
  'post /rooms/{id}/block',
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
    const problemResponses = [
      'BadRequest',
      'Unauthorized',
      'Forbidden',
      'NotFound',
      'Conflict',
      'PayloadTooLarge',
      'UnsupportedMediaType',
      'TooManyRequests',
      'ServerError',
    ];
    for (const name of problemResponses) {
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
    // Without the cookie, refresh is the session probe (204), so it works anonymously too.
    expect(doc.paths?.['/auth/refresh']?.post?.security).toEqual([{}, { refreshCookie: [] }]);
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

  it('documents the interviewer material as optional in a question read and absent from a room\'s question', () => {
    const schemas = doc.components?.schemas as Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
    expect(schemas['Question']?.properties).toMatchObject({
      hints: expect.any(Object),
      referenceSolutions: { $ref: '#/components/schemas/ReferenceSolutions' },
      rubric: { $ref: '#/components/schemas/Rubric' },
    });
    expect(schemas['Question']?.required).toEqual(expect.not.arrayContaining(['hints', 'referenceSolutions', 'rubric']));
    expect(Object.keys(schemas['RoomQuestion']?.properties ?? {})).toEqual(
      expect.not.arrayContaining(['hints', 'referenceSolutions', 'rubric', 'testCases']),
    );
    expect(schemas['Rubric']).toMatchObject({ type: 'array', minItems: 1, maxItems: 8, items: { $ref: '#/components/schemas/RubricCriterion' } });
  });

  it('documents the topics query parameter as a list', () => {
    const topics = doc.paths?.['/questions']?.get?.parameters?.find(
      (parameter) => 'name' in parameter && parameter.name === 'topics',
    );
    expect(topics).toMatchObject({ in: 'query', required: false, schema: { type: 'array' } });
  });

  it('uses the given server URL, or an absolute default a proxy or generated client can route', () => {
    expect(doc.servers).toEqual([{ url: DEFAULT_SERVER_URL }]);
    expect(new URL(DEFAULT_SERVER_URL).protocol).toMatch(/^https?:$/);
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

/**
 * The document must tell the truth to tools that only read it (Prism, a
 * response validator, a generated client). Each rule is derived from the
 * document itself, so a new route is held to it without being listed here.
 */
describe('the OpenAPI document tells the truth', () => {
  const doc = buildOpenApiDocument();
  const compile = createSchemaCompiler(doc);
  const all = operations(doc);
  const responseKeys = (operation: (typeof all)[number]['operation']) => Object.keys(operation.responses ?? {});
  const isUpgrade = (operation: (typeof all)[number]['operation']) => responseKeys(operation).includes('101');
  const parametersOf = (operation: (typeof all)[number]['operation']) =>
    (operation.parameters ?? []).filter((p): p is Extract<typeof p, { in: string }> => 'in' in p);

  function collectPatterns(node: unknown, found: string[] = []): string[] {
    if (Array.isArray(node)) node.forEach((child) => collectPatterns(child, found));
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'pattern' && typeof value === 'string') found.push(value);
        else collectPatterns(value, found);
      }
    }
    return found;
  }

  it('has only patterns a client can use: valid unicode regexes without a leaked /flags suffix', () => {
    const patterns = collectPatterns(doc);
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) {
      expect(() => new RegExp(pattern, 'u')).not.toThrow();
      expect({ pattern, leakedFlags: /\/[dgimsuvy]+$/.test(pattern) }).toEqual({ pattern, leakedFlags: false });
    }
    expect(unusablePatterns(doc)).toEqual([]);
  });

  it('admits null where a named schema is nullable, as zod does (a waiting interview\'s view, a room\'s hidden second question)', () => {
    const interviewView = compile({ $ref: '#/components/schemas/InterviewView' });
    const waiting = {
      mode: 'interview',
      phase: 'waiting',
      currentRound: null,
      rounds: [],
      warningSeconds: 300,
      serverNow: '2026-12-06T00:00:00.000Z',
    };
    expect(interviewView(waiting)).toBe(true);
    expect(interviewView({ ...waiting, currentRound: 'soon' })).toBe(false);
    const secondQuestion = compile((doc.components?.schemas?.['RoomView'] as { properties: Record<string, object> }).properties['secondQuestion']);
    expect(secondQuestion(null)).toBe(true);
    expect(secondQuestion('question two')).toBe(false);
  });

  it('would catch a flagged regex, which zod-to-openapi writes with its flags', () => {
    const flagged = z.object({ name: z.string().regex(/^[^\p{Cc}]+$/u) });
    zodToOpenAPIRegistry.add(flagged, { _internal: { refId: 'Flagged' } });
    const leaked = new OpenApiGeneratorV31([{ type: 'schema', schema: flagged }]).generateDocument({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
    });
    expect(unusablePatterns(leaked)).toEqual([
      expect.objectContaining({ pattern: '^[^\\p{Cc}]+$/u', reason: 'ends in a regex flag suffix' }),
    ]);
  });

  it('accepts every valid display name, as the contracts do, and refuses control characters', () => {
    const validate = compile({ $ref: '#/components/schemas/SignupRequest' });
    const account = { username: 'ada_l', email: 'ada@example.com', password: 'correct horse battery' };
    for (const displayName of ['Ada Lovelace', 'Zoë 李 🙂', "O'Brien-Smith", 'x']) {
      const body = { ...account, displayName };
      expect({ displayName, document: validate(body), contracts: signupRequestSchema.safeParse(body).success }).toEqual({
        displayName,
        document: true,
        contracts: true,
      });
    }
    for (const displayName of ['tab\there', 'nul\u0000', 'c1\u0085']) {
      expect(validate({ ...account, displayName })).toBe(false);
    }
  });

  it('documents 400, 413 and 415 on every operation with a JSON body (body parser and validate())', () => {
    const withBody = all.filter(({ operation }) => operation.requestBody);
    expect(withBody.length).toBeGreaterThanOrEqual(9);
    for (const { key, operation } of withBody) {
      expect({ key, statuses: responseKeys(operation) }).toEqual({ key, statuses: expect.arrayContaining(['400', '413', '415']) });
    }
  });

  it('documents 400 on every HTTP operation whose path or query parameters are validated', () => {
    const withParameters = all.filter(({ operation }) => !isUpgrade(operation) && parametersOf(operation).length > 0);
    expect(withParameters.map(({ key }) => key)).toEqual(expect.arrayContaining(['get /rooms/{id}', 'post /rooms/{id}/end', 'get /history/{id}']));
    for (const { key, operation } of withParameters) {
      expect({ key, statuses: responseKeys(operation) }).toEqual({ key, statuses: expect.arrayContaining(['400']) });
    }
  });

  it('documents 401 wherever a bearer token is accepted, and 429 and 5XX everywhere (gateway rate limit, failures)', () => {
    for (const { key, operation } of all) {
      const bearer = (operation.security ?? []).some((requirement) => 'bearerAuth' in requirement);
      const expected = [...(bearer ? ['401'] : []), '429', '5XX'];
      expect({ key, statuses: responseKeys(operation) }).toEqual({ key, statuses: expect.arrayContaining(expected) });
    }
  });

  it('gives each JSON request body the verdict the contracts give, on every probe', () => {
    const probes = [{}, [], null, 'text', 42, { unexpected: true }];
    for (const { key, operation } of all) {
      const requestBody = operation.requestBody;
      if (!requestBody || !('content' in requestBody)) continue;
      const schema = requestBody.content['application/json']?.schema as { $ref?: string } | undefined;
      const name = schema?.$ref?.replace('#/components/schemas/', '');
      const zodSchema = name ? openApiComponentSchemas[name] : undefined;
      expect({ key, hasContractSchema: Boolean(zodSchema) }).toEqual({ key, hasContractSchema: true });
      const validate = compile(schema as object);
      for (const probe of probes) {
        expect({ key, probe, document: validate(probe) }).toEqual({ key, probe, document: zodSchema?.safeParse(probe).success });
      }
    }
  });

  it('gives a question body\'s rubric the verdict the contracts give (all but the uniqueness of ids, which it states)', () => {
    const validate = compile({ $ref: '#/components/schemas/QuestionInput' });
    const code = { javascript: '', typescript: '', python: '', java: '', cpp: '' };
    const question = {
      title: 'Sum',
      statement: 'Add them.',
      difficulty: 'EASY',
      topics: ['Arrays'],
      examples: [{ input: '[1]', output: '1' }],
      constraints: [],
      hints: [],
      starterCode: code,
      entryPoint: { functionName: 'sum', params: [{ name: 'nums', type: 'int[]' }], returnType: 'int' },
      testCases: [{ args: [[1]], expected: 1, hidden: false }],
    };
    const criterion = { id: 'testing', title: 'Testing', description: '' };
    for (const rubric of [undefined, [criterion], [], [{ ...criterion, title: '' }], [{ ...criterion, id: 'Not A Slug' }], [{ ...criterion, extra: 1 }]]) {
      const body = { ...question, ...(rubric ? { rubric } : {}) };
      expect({ rubric, document: validate(body) }).toEqual({ rubric, document: questionInputSchema.safeParse(body).success });
    }
    expect(doc.components?.schemas?.['Rubric']).toMatchObject({ description: expect.stringContaining('distinct') });
  });

  it('documents PATCH /users/me {} as refused, like the service', () => {
    const validate = compile({ $ref: '#/components/schemas/UpdateProfileRequest' });
    expect(validate({})).toBe(false);
    expect(validate({ displayName: 'Ada' })).toBe(true);
  });

  it('documents each query list in both forms it accepts: repeated and comma-separated', () => {
    const lists = all.flatMap(({ key, operation }) =>
      parametersOf(operation)
        .filter((parameter) => parameter.in === 'query' && (parameter.schema as { type?: string })?.type === 'array')
        .map((parameter) => ({ key, parameter })),
    );
    expect(lists.map(({ key, parameter }) => `${key} ${parameter.name}`)).toEqual(['get /questions topics']);
    // Every list parameter of the contracts is documented this way.
    const contractLists = Object.keys(listQuestionsQuerySchema.shape).filter((name) =>
      queryListRegistry.has(listQuestionsQuerySchema.shape[name as keyof typeof listQuestionsQuerySchema.shape]),
    );
    expect(contractLists).toEqual(['topics']);

    const { parameter } = lists[0];
    expect(parameter).toMatchObject({ style: 'form', explode: true });
    const validate = compile(parameter.schema as object);
    const topics = listQuestionsQuerySchema.shape.topics;
    // As OpenAPI tools serialise the array (explode: one value per occurrence), and as Express hands it to zod.
    const accepted: [string[], unknown][] = [
      [['arrays,graphs'], 'arrays,graphs'],
      [['arrays', 'graphs'], ['arrays', 'graphs']],
      [['arrays, graphs', 'trees'], ['arrays, graphs', 'trees']],
      [['two-pointers'], 'two-pointers'],
      [[''], ''],
    ];
    for (const [occurrences, express] of accepted) {
      expect({ occurrences, document: validate(occurrences), contracts: topics.safeParse(express).success }).toEqual({
        occurrences,
        document: true,
        contracts: true,
      });
    }
    for (const [occurrences, express] of [
      [['Not A Slug'], 'Not A Slug'],
      [['arrays;graphs'], 'arrays;graphs'],
      [['arrays,-graphs'], 'arrays,-graphs'],
    ] as [string[], unknown][]) {
      expect({ occurrences, document: validate(occurrences), contracts: topics.safeParse(express).success }).toEqual({
        occurrences,
        document: false,
        contracts: false,
      });
    }
  });

  it('documents a nullable use of a named schema as that schema or null (feedback not yet visible, no notes yet)', () => {
    const schemas = (doc.components?.schemas ?? {}) as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas['InterviewerPane'].properties['notes']).toEqual({ anyOf: [{ $ref: '#/components/schemas/InterviewerNotes' }, { type: 'null' }] });
    expect(schemas['RoomFeedback'].properties['received']).toEqual({ anyOf: [{ $ref: '#/components/schemas/FeedbackView' }, { type: 'null' }] });
  });

  it('answers the normal "nothing there" states with 204, not an error', () => {
    const refresh = doc.paths?.['/auth/refresh']?.post?.responses ?? {};
    expect(refresh['204']).toMatchObject({ description: expect.any(String) });
    expect(refresh['204']).not.toHaveProperty('content');
    expect(refresh['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    const current = doc.paths?.['/match/requests/current']?.get?.responses ?? {};
    expect(current['204']).not.toHaveProperty('content');
    expect(current).not.toHaveProperty('404');
  });
});
