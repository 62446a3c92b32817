import { badRequestsForDocument, seededRandom, validValue, type OpenApiDocument } from './bad-inputs';

const document: OpenApiDocument = {
  paths: {
    '/things/{id}': {
      put: {
        summary: 'Replace a thing (admin)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        responses: { '200': {}, '400': {}, '401': {}, '404': {} },
        security: [{ bearerAuth: [] }],
      },
    },
    '/things': {
      get: {
        parameters: [{ name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }],
        responses: { '200': {} },
        security: [{}, { bearerAuth: [] }],
      },
    },
    '/things/{id}/rounds/{round}': {
      get: {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'round', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: 2 } },
        ],
        responses: { '200': {}, '400': {}, '401': {}, '404': {} },
        security: [{ bearerAuth: [] }],
      },
    },
    '/live/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: { '101': {}, '401': {} },
        security: [{ bearerAuth: [] }],
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 3, maxLength: 20, pattern: '^[a-z-]+$' },
          tags: { type: 'array', items: { type: 'string', maxLength: 10 }, minItems: 1 },
          colour: { enum: ['red', 'blue'] },
          note: { type: 'string', maxLength: 5 },
        },
        required: ['name', 'tags', 'colour'],
        additionalProperties: false,
      },
    },
  },
};

const requests = badRequestsForDocument(document, 7);
const labelsOf = (operation: string) => requests.filter((r) => r.operation === operation).map((r) => r.label);

describe('the bad requests generated from an OpenAPI document', () => {
  it('are the same for the same seed, and differ in their ids for another', () => {
    expect(badRequestsForDocument(document, 7)).toEqual(requests);
    expect(badRequestsForDocument(document, 8).map((r) => r.url)).not.toEqual(requests.map((r) => r.url));
  });

  it('give a whole-number path parameter its smallest value, and break it with non-integers and values outside its range', () => {
    const rounds = requests.filter((r) => r.operation === 'GET /things/{id}/rounds/{round}');
    const nothing = rounds.find((r) => r.label === 'params.id: names nothing');
    expect(nothing?.url).toMatch(/^\/things\/[0-9a-f-]{36}\/rounds\/1$/);
    const broken = rounds.filter((r) => r.label.startsWith('params.round:') && r.expect.includes(400));
    expect(broken.map((r) => [r.label, r.url.split('/').pop()])).toEqual([
      ['params.round: not an integer (twelve)', 'twelve'],
      ['params.round: not an integer (1.5)', '1.5'],
      ['params.round: below the minimum (0)', '0'],
      ['params.round: above the maximum (3)', '3'],
      ['params.round: broken percent-encoding', '%E0%A4%A'],
      ['params.round: contains an escaped NUL', 'wal%00ker'],
    ]);
    // The raw values replace the round, never a digit of the uuid beside it.
    for (const request of broken) expect(request.url.split('/')[2]).toBe(nothing?.url.split('/')[2]);
  });

  it('start from a value the schema accepts: required fields, its pattern, its lengths', () => {
    expect(validValue(document, { $ref: '#/components/schemas/Thing' }, seededRandom(1))).toEqual({ name: 'walker', tags: ['walker'], colour: 'red' });
  });

  it('break each field of the body in turn and expect a 400 naming it', () => {
    const put = requests.filter((r) => r.operation === 'PUT /things/{id}');
    const missing = put.find((r) => r.label === 'body.name: missing (required)');
    expect(JSON.parse(missing?.body ?? '{}')).toEqual({ tags: ['walker'], colour: 'red' });
    expect(missing).toMatchObject({ expect: [400], field: { name: 'name', location: 'body' }, caller: 'admin' });
    expect(put.find((r) => r.label === 'body.tags.0: wrong type (a number)')?.body).toBe('{"name":"walker","tags":[12345],"colour":"red"}');
    // An optional field is given a valid value, then broken.
    expect(JSON.parse(put.find((r) => r.label === 'body.note: 51 characters (max 5)')?.body ?? '{}')).toMatchObject({ note: 'w'.repeat(51) });
    expect(labelsOf('PUT /things/{id}')).toEqual(
      expect.arrayContaining([
        'body: malformed JSON',
        'body: valid JSON sent as text/plain',
        'body: 1 MB string field',
        'body.colour: wrong type (a value outside the enum)',
        'body.(root): unknown field walkerUnknownField (the schema is strict)',
        'body.(root): unknown field __proto__ (the schema is strict)',
        'body.name: contains a NUL character',
        'params.id: not a uuid',
        'params.id: names nothing',
        'headers.authorization: a forged JWT',
        'no token',
        'headers: one 32 KB header',
      ]),
    );
  });

  it('send __proto__ as an own key of the JSON, as a hostile client would', () => {
    const proto = requests.find((r) => r.label === 'body.(root): unknown field __proto__ (the schema is strict)');
    expect(proto?.body).toContain('"__proto__":{"role":"ADMIN"}');
  });

  it('put query parameters out of range and out of type, and leave an optional token optional', () => {
    const labels = labelsOf('GET /things');
    expect(labels).toEqual(expect.arrayContaining(['query.page: below the minimum (0)', 'query.page: above the maximum (101)', 'query.page: not an integer (NaN)', 'query.page: given twice']));
    expect(labels).not.toContain('no token');
    expect(requests.find((r) => r.label === 'query.page: given twice')?.url).toBe('/things?page=1&page=2');
  });

  it('reach a WebSocket operation by an upgrade, with the token in the subprotocol', () => {
    const live = requests.filter((r) => r.operation === 'GET /live/{id}');
    expect(live.every((r) => r.headers['upgrade'] === 'websocket')).toBe(true);
    expect(live.find((r) => r.label === 'headers.sec-websocket-protocol: not a token')?.headers['sec-websocket-protocol']).toBe('peerprep, bearer.garbage');
  });
});
