/**
 * Bad requests for every operation of the public OpenAPI document (the one the
 * gateway serves at /api/docs/openapi.json), generated from each operation's
 * own schemas: a malformed or mistyped body, missing, mistyped, oversized and
 * unknown fields, out-of-range or malformed query parameters, ids that are not
 * ids or name nothing, and garbage or oversized headers. Every case says which
 * statuses the contract allows for it and, for a 400, the field the answer
 * must name. Pure: the walk itself is bad-input.int.spec.ts.
 */

/** The slice of OpenAPI 3.1 the generator reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  summary?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    securitySchemes?: Record<string, { type: string; in?: string; name?: string }>;
  };
}

/** Who the walker authenticates as for an operation. */
export type Caller = 'anonymous' | 'student' | 'admin';

export interface BadRequest {
  /** `METHOD /path` of the operation, as in the document. */
  operation: string;
  /** What is wrong with it, e.g. `body.topics: wrong type (string)`. */
  label: string;
  method: string;
  /** Path and query, relative to the API base (`/questions?page=0`). */
  url: string;
  caller: Caller;
  headers: Record<string, string>;
  body?: string;
  /** The statuses the contract allows for this input (all 4xx). */
  expect: number[];
  /** For a 400: the field (dotted path) and location the problem must name. */
  field?: { name: string; location: 'body' | 'query' | 'params' };
}

const JSON_TYPE = 'application/json';
const ONE_MEGABYTE = 1024 * 1024;
/** Above Node's default 16 KiB header limit (and any proxy's usual 8 KiB). */
const HUGE_HEADER_BYTES = 32 * 1024;
const EXTRA_FIELD = 'walkerUnknownField';
/** The application subprotocol a PeerPrep WebSocket client offers next to `bearer.<jwt>` (libs/auth). */
export const WEBSOCKET_PROTOCOL = 'peerprep';
/** The smallest BODY_LIMIT a service runs with (the service kit's default, 100 kb). */
const BODY_LIMIT_FLOOR = 100 * 1024;
/** Deep enough to exhaust a recursive validator's stack, small enough (2 bytes a level) for any body limit. */
const DEEP_NESTING = 20_000;
const DEEP_SENTINEL = '\u0000walker-deeply-nested-arrays\u0000';

/** mulberry32: a small seeded generator, so a walk is the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped uuid from the seeded generator: a well-formed id that names nothing. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)] ?? '8';
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (schema.enum) return 'enum';
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

// Candidates tried in order for a plain string: the first that fits the
// schema's pattern and length is the valid value the mutations start from.
const STRING_CANDIDATES = ['walker', 'walker-one', 'walker_1', 'Walker', 'x1', 'abc'];

function validString(schema: JsonSchema, random: () => number): string {
  if (schema.format === 'uuid') return seededUuid(random);
  if (schema.format === 'email') return 'walker@example.com';
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
  for (const base of STRING_CANDIDATES) {
    const candidate = base.length < min ? base.padEnd(min, base.at(-1)) : base;
    if (candidate.length <= max && (!pattern || pattern.test(candidate))) return candidate;
  }
  throw new Error(`no valid string for ${JSON.stringify(schema)}`);
}

/**
 * A minimal value the schema accepts: its `example` when it has one (a value
 * that must also satisfy rules no schema keyword states, such as a question's
 * test cases matching its entry point), else required properties only and the
 * fewest items allowed.
 */
export function validValue(document: OpenApiDocument, raw: JsonSchema, random: () => number): unknown {
  const schema = resolve(document, raw);
  if (schema.example !== undefined) return structuredClone(schema.example);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.[0]) return validValue(document, alternatives[0], random);
  switch (typeOf(schema)) {
    case 'enum':
      return schema.enum?.[0];
    case 'string':
      return validString(schema, random);
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => validValue(document, schema.items ?? {}, random));
    case 'object':
    default: {
      const value: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        const property = schema.properties?.[name];
        if (property) value[name] = validValue(document, property, random);
      }
      return value;
    }
  }
}

/** A value of another JSON type than the schema's (for an enum, a string outside it). */
function wrongTypeValue(schema: JsonSchema): { value: unknown; what: string } | undefined {
  switch (typeOf(schema)) {
    case 'enum':
      return { value: 'NOT_ONE_OF_THEM', what: 'a value outside the enum' };
    case 'string':
      return { value: 12345, what: 'a number' };
    case 'integer':
    case 'number':
      return { value: 'twelve', what: 'a string' };
    case 'boolean':
      return { value: 'yes', what: 'a string' };
    case 'array':
      return { value: 'not-an-array', what: 'a string' };
    case 'object':
      return { value: ['not', 'an', 'object'], what: 'an array' };
    default:
      return undefined; // anyOf JsonValue and the like accept every type
  }
}

type Path = (string | number)[];

type Node = Record<string | number, unknown>;

function nodeAt(target: unknown, path: Path): Node {
  let node = target as Node;
  for (const key of path) node = node[key] as Node;
  return node;
}

function setAt(target: unknown, path: Path, value: unknown): void {
  nodeAt(target, path.slice(0, -1))[path.at(-1) as string | number] = value;
}

function deleteAt(target: unknown, path: Path): void {
  delete nodeAt(target, path.slice(0, -1))[path.at(-1) as string | number];
}

/** A schema that takes any JSON value (anyOf of every type, arrays of itself): the one place nesting depth is unbounded. */
function isAnyJson(schema: JsonSchema): boolean {
  return (schema.anyOf ?? []).some((alternative) => alternative.type === 'array');
}

interface BodyMutation {
  label: string;
  body: unknown;
  expect: number[];
  field: string;
}

/**
 * Each field of a valid body made wrong in turn, walking into nested objects
 * and the first item of arrays; an optional field is first given a valid
 * value, then broken.
 */
function bodyMutations(document: OpenApiDocument, rootSchema: JsonSchema, valid: unknown, random: () => number): BodyMutation[] {
  const mutations: BodyMutation[] = [];

  const walk = (raw: JsonSchema, path: Path, base: unknown) => {
    const mutate = (label: string, fieldPath: Path, change: (copy: unknown) => void, expect = [400]) => {
      const copy = structuredClone(base);
      change(copy);
      mutations.push({ label: `body.${label}`, body: copy, expect, field: fieldPath.length > 0 ? fieldPath.join('.') : '(root)' });
    };
    const schema = resolve(document, raw);
    const where = path.join('.') || '(root)';
    const wrong = wrongTypeValue(schema);
    if (wrong && path.length > 0) mutate(`${where}: wrong type (${wrong.what})`, path, (copy) => setAt(copy, path, wrong.value));
    if (typeOf(schema) === 'string' && path.length > 0) {
      // PostgreSQL text cannot hold U+0000: the field must be refused, never reach a write.
      mutate(`${where}: contains a NUL character`, path, (copy) => setAt(copy, path, 'wal\u0000ker'));
    }
    if (isAnyJson(schema) && path.length > 0) {
      mutate(`${where}: arrays nested ${DEEP_NESTING} deep`, path, (copy) => setAt(copy, path, DEEP_SENTINEL));
    }
    if (typeOf(schema) === 'string' && schema.maxLength !== undefined && schema.format !== 'uuid') {
      const tooLong = 'w'.repeat(schema.maxLength * 10 + 1);
      // Past the body limit (a service's BODY_LIMIT) it is the size of the whole body that is refused.
      const expect = tooLong.length > BODY_LIMIT_FLOOR ? [400, 413] : [400];
      mutate(`${where}: ${tooLong.length} characters (max ${schema.maxLength})`, path, (copy) => setAt(copy, path, tooLong), expect);
    }
    if (typeOf(schema) === 'object' && schema.properties) {
      for (const [name, property] of Object.entries(schema.properties)) {
        const childPath = [...path, name];
        if (schema.required?.includes(name)) {
          mutate(`${childPath.join('.')}: missing (required)`, childPath, (copy) => deleteAt(copy, childPath));
          walk(property, childPath, base);
        } else {
          const withField = structuredClone(base);
          setAt(withField, childPath, validValue(document, property, random));
          walk(property, childPath, withField);
        }
      }
      if (schema.additionalProperties === false) {
        const extraPath = [...path, EXTRA_FIELD];
        mutate(`${where}: unknown field ${EXTRA_FIELD} (the schema is strict)`, extraPath, (copy) => setAt(copy, extraPath, 'extra'));
        // JSON.parse makes "__proto__" an own key: a strict schema must name it like any other.
        const protoPath = [...path, '__proto__'];
        mutate(`${where}: unknown field __proto__ (the schema is strict)`, protoPath, (copy) =>
          Object.defineProperty(nodeAt(copy, path), '__proto__', { value: { role: 'ADMIN' }, enumerable: true, configurable: true, writable: true }),
        );
      }
    }
    if (typeOf(schema) === 'array' && schema.items) walk(schema.items, [...path, 0], base);
  };
  walk(rootSchema, [], valid);
  return mutations;
}

function needsBearer(operation: OpenApiOperation): 'required' | 'optional' | 'none' {
  const requirements = operation.security ?? [];
  const bearer = requirements.some((r) => 'bearerAuth' in r);
  if (!bearer) return 'none';
  return requirements.some((r) => Object.keys(r).length === 0) ? 'optional' : 'required';
}

function callerOf(operation: OpenApiOperation): Caller {
  if (needsBearer(operation) === 'none') return 'anonymous';
  return /\(admin\)/.test(operation.summary ?? '') ? 'admin' : 'student';
}

/** Where a raw (unencoded) path value is spliced in. */
const RAW_SLOT = 'walker-raw-slot';

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

/**
 * A path value that is well-formed but names nothing (a fresh uuid, or a slug
 * no question has). A whole number (a round of an interview, a hint's index)
 * takes its smallest value: what it is part of is named by a fresh uuid beside it.
 */
function nothingValue(schema: JsonSchema, random: () => number): string {
  if (typeOf(schema) === 'integer') return String(schema.minimum ?? 1);
  return schema.format === 'uuid' ? seededUuid(random) : `no-such-thing-${Math.floor(random() * 1e9)}`;
}

interface QueryCase {
  label: string;
  query: string;
  field: string;
}

function queryCases(document: OpenApiDocument, parameter: OpenApiParameter): QueryCase[] {
  const schema = resolve(document, parameter.schema);
  const name = parameter.name;
  const cases: QueryCase[] = [];
  const add = (label: string, value: string) => cases.push({ label: `query.${name}: ${label}`, query: `${name}=${encodeURIComponent(value)}`, field: name });
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      for (const value of ['NaN', 'Infinity', 'twelve', '1.5', '1e400']) add(`not ${typeOf(schema) === 'integer' ? 'an integer' : 'a number'} (${value})`, value);
      if (schema.minimum !== undefined) add(`below the minimum (${schema.minimum - 1})`, String(schema.minimum - 1));
      if (schema.maximum !== undefined) add(`above the maximum (${schema.maximum + 1})`, String(schema.maximum + 1));
      // A repeated parameter arrives as an array, never as the first or the last value.
      cases.push({ label: `query.${name}: given twice`, query: `${name}=1&${name}=2`, field: name });
      break;
    case 'enum':
      add('a value outside the enum', 'NOT_ONE_OF_THEM');
      break;
    case 'string':
      add('contains a NUL character', 'wal\u0000ker');
      if (schema.format === 'uuid') add('not a uuid', 'not-a-uuid');
      if (schema.maxLength !== undefined) add(`${schema.maxLength * 10 + 1} characters (max ${schema.maxLength})`, 'q'.repeat(schema.maxLength * 10 + 1));
      break;
    case 'array':
      if (schema.items?.pattern) add('an item outside its pattern', 'Not A Slug!');
      break;
  }
  return cases;
}

/** Every bad request for one operation. `random` makes the ids and values of a walk the same every run. */
export function badRequestsFor(document: OpenApiDocument, method: string, template: string, operation: OpenApiOperation, random: () => number): BadRequest[] {
  const name = `${method.toUpperCase()} ${template}`;
  const caller = callerOf(operation);
  const pathParameters = (operation.parameters ?? []).filter((p) => p.in === 'path');
  const validPath: Record<string, string> = Object.fromEntries(pathParameters.map((p) => [p.name, nothingValue(resolve(document, p.schema), random)]));
  const bodySchema = operation.requestBody?.content[JSON_TYPE]?.schema;
  const validBody = bodySchema ? validValue(document, bodySchema, random) : undefined;
  const validBodyText = validBody === undefined ? undefined : JSON.stringify(validBody);
  const requests: BadRequest[] = [];
  const add = (request: Omit<BadRequest, 'operation' | 'method' | 'caller' | 'url' | 'headers'> & { url?: string; headers?: Record<string, string>; caller?: Caller }) =>
    requests.push({ operation: name, method: method.toUpperCase(), caller, url: fillPath(template, validPath), headers: {}, ...request });
  const jsonBody = (body: unknown) => ({
    headers: { 'content-type': JSON_TYPE },
    // Spliced in as text: too deep for JSON.stringify's own stack.
    body: typeof body === 'string' ? body : JSON.stringify(body).replace(JSON.stringify(DEEP_SENTINEL), '['.repeat(DEEP_NESTING) + ']'.repeat(DEEP_NESTING)),
  });

  if (bodySchema) {
    add({ label: 'body: malformed JSON', ...jsonBody('{"truncated": '), expect: [400], field: { name: '(root)', location: 'body' } });
    add({ label: 'body: JSON null', ...jsonBody('null'), expect: [400], field: { name: '(root)', location: 'body' } });
    add({ label: 'body: a JSON array', ...jsonBody([validBody]), expect: [400], field: { name: '(root)', location: 'body' } });
    add({ label: 'body: none', expect: [400], field: { name: '(root)', location: 'body' } });
    add({ label: 'body: valid JSON sent as text/plain', headers: { 'content-type': 'text/plain' }, body: validBodyText, expect: [415] });
    add({ label: 'body: valid JSON sent as form data', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1', expect: [415] });
    add({ label: 'body: JSON in an unsupported charset', headers: { 'content-type': `${JSON_TYPE}; charset=iso-8859-1` }, body: validBodyText, expect: [415] });
    add({ label: 'body: gzip-encoded, but not gzip', headers: { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' }, body: validBodyText, expect: [400], field: { name: '(root)', location: 'body' } });
    add({ label: 'body: an unknown content encoding', headers: { 'content-type': JSON_TYPE, 'content-encoding': 'x-walker' }, body: validBodyText, expect: [415] });
    add({ label: 'body: 1 MB string field', ...jsonBody({ ...(validBody as object), [firstStringField(document, bodySchema) ?? EXTRA_FIELD]: 'm'.repeat(ONE_MEGABYTE) }), expect: [413] });
    for (const mutation of bodyMutations(document, bodySchema, validBody, random)) {
      add({ label: mutation.label, ...jsonBody(mutation.body), expect: mutation.expect, field: { name: mutation.field, location: 'body' } });
    }
  }

  for (const parameter of pathParameters) {
    const schema = resolve(document, parameter.schema);
    const body = validBodyText === undefined ? {} : jsonBody(validBodyText);
    if (schema.format === 'uuid') {
      add({ label: `params.${parameter.name}: not a uuid`, url: fillPath(template, { ...validPath, [parameter.name]: 'not-a-uuid' }), ...body, expect: [400], field: { name: parameter.name, location: 'params' } });
    }
    if (schema.maxLength !== undefined) {
      add({ label: `params.${parameter.name}: ${schema.maxLength * 10 + 1} characters (max ${schema.maxLength})`, url: fillPath(template, { ...validPath, [parameter.name]: 'p'.repeat(schema.maxLength * 10 + 1) }), ...body, expect: [400], field: { name: parameter.name, location: 'params' } });
    }
    if (typeOf(schema) === 'integer') {
      const outside = [
        ['not an integer (twelve)', 'twelve'],
        ['not an integer (1.5)', '1.5'],
        ...(schema.minimum === undefined ? [] : [[`below the minimum (${schema.minimum - 1})`, String(schema.minimum - 1)]]),
        ...(schema.maximum === undefined ? [] : [[`above the maximum (${schema.maximum + 1})`, String(schema.maximum + 1)]]),
      ];
      for (const [label, value] of outside) {
        add({ label: `params.${parameter.name}: ${label}`, url: fillPath(template, { ...validPath, [parameter.name]: value }), ...body, expect: [400], field: { name: parameter.name, location: 'params' } });
      }
    }
    add({ label: `params.${parameter.name}: names nothing`, ...body, expect: [404] });
    // Spliced in raw: a percent sign that starts no escape, and an escaped NUL.
    // Through a slot of its own: a short value ('1') also occurs inside the other parameters (a uuid).
    const raw = (value: string) => fillPath(template, { ...validPath, [parameter.name]: RAW_SLOT }).replace(RAW_SLOT, value);
    // Undecodable, the path as a whole is at fault: the service kit names it `(path)`.
    add({ label: `params.${parameter.name}: broken percent-encoding`, url: raw('%E0%A4%A'), ...body, expect: [400], field: { name: '(path)', location: 'params' } });
    add({ label: `params.${parameter.name}: contains an escaped NUL`, url: raw('wal%00ker'), ...body, expect: [400], field: { name: parameter.name, location: 'params' } });
  }

  for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
    for (const query of queryCases(document, parameter)) {
      add({ label: query.label, url: `${fillPath(template, validPath)}?${query.query}`, expect: [400], field: { name: query.field, location: 'query' } });
    }
  }

  const bearer = needsBearer(operation);
  const websocket = '101' in operation.responses;
  if (bearer !== 'none') {
    for (const [label, token] of [
      ['not a token', 'garbage'],
      ['a forged JWT', forgedJwt()],
      ['an 8 KB token', 'a'.repeat(8 * 1024)],
    ] as const) {
      // A browser cannot set headers on a WebSocket: the token rides in the `bearer.<jwt>` subprotocol.
      const headers: Record<string, string> = websocket ? { 'sec-websocket-protocol': `${WEBSOCKET_PROTOCOL}, bearer.${token}` } : { authorization: `Bearer ${token}` };
      add({ label: `${websocket ? 'headers.sec-websocket-protocol' : 'headers.authorization'}: ${label}`, caller: 'anonymous', headers, expect: [401] });
    }
    if (!websocket) add({ label: 'headers.authorization: another scheme', caller: 'anonymous', headers: { authorization: 'Basic d2Fsa2VyOndhbGtlcg==' }, expect: [401] });
  }
  if (bearer === 'required') add({ label: 'no token', caller: 'anonymous', expect: [401] });
  // A cookie credential (the refresh token), where the operation says a bad one is a 401.
  for (const schemeName of (operation.security ?? []).flatMap((requirement) => Object.keys(requirement))) {
    const scheme = document.components?.securitySchemes?.[schemeName];
    if (scheme?.type !== 'apiKey' || scheme.in !== 'cookie' || !scheme.name || !('401' in operation.responses)) continue;
    for (const [label, value] of [
      ['not a token', 'garbage'],
      ['an 8 KB token', 'c'.repeat(8 * 1024)],
    ] as const) {
      add({ label: `cookies.${scheme.name}: ${label}`, caller: 'anonymous', headers: { cookie: `${scheme.name}=${value}` }, expect: [401] });
    }
  }
  add({ label: `url: ${HUGE_HEADER_BYTES / 1024} KB of query string`, url: `${fillPath(template, validPath)}?walker=${'u'.repeat(HUGE_HEADER_BYTES)}`, expect: [414, 431] });
  add({ label: `headers: one ${HUGE_HEADER_BYTES / 1024} KB header`, headers: { 'x-walker-padding': 'h'.repeat(HUGE_HEADER_BYTES) }, expect: [431] });
  // A WebSocket operation (101 Switching Protocols) is reached by an upgrade
  // handshake; a plain GET is no request for it at all.
  if (websocket) {
    const key = Buffer.from(Array.from({ length: 16 }, () => Math.floor(random() * 256))).toString('base64');
    const upgrade = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': key };
    for (const request of requests) request.headers = { ...upgrade, ...request.headers };
  }
  return requests;
}

function firstStringField(document: OpenApiDocument, raw: JsonSchema): string | undefined {
  const schema = resolve(document, raw);
  return Object.entries(schema.properties ?? {}).find(([, property]) => typeOf(resolve(document, property)) === 'string')?.[0];
}

/** Well-formed, signed by nobody the platform trusts. */
function forgedJwt(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'EdDSA', typ: 'JWT' })}.${part({ sub: '00000000-0000-4000-8000-000000000000', role: 'ADMIN', exp: 4102444800 })}.${Buffer.from('not-a-signature').toString('base64url')}`;
}

/**
 * Every bad request for every operation of the document, in document order,
 * from one seed. `examples` gives named component schemas a valid value the
 * document does not carry (see `validValue`).
 */
export function badRequestsForDocument(document: OpenApiDocument, seed: number, examples: Record<string, unknown> = {}): BadRequest[] {
  const schemas = { ...document.components?.schemas };
  for (const [name, example] of Object.entries(examples)) {
    const schema = schemas[name];
    if (!schema) throw new Error(`the document has no schema ${name}`);
    schemas[name] = { ...schema, example };
  }
  const withExamples: OpenApiDocument = { ...document, components: { ...document.components, schemas } };
  const random = seededRandom(seed);
  return Object.entries(withExamples.paths).flatMap(([template, item]) =>
    Object.entries(item).flatMap(([method, operation]) => badRequestsFor(withExamples, method, template, operation, random)),
  );
}
