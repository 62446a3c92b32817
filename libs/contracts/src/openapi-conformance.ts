/**
 * Checks an HTTP response the platform gave against the OpenAPI document:
 * the status is documented for that operation, the content type is one it
 * documents, and the body validates against the documented schema (ajv,
 * JSON Schema 2020-12, formats included). Node only, for tests: the jest
 * suites (through libs/testing) and the Playwright suite (apps/e2e, which may
 * import only contracts) share it. Kept out of the package index like the
 * generator, so no browser bundle pulls in ajv.
 *
 * What is not checked, by rule:
 * - OPTIONS and HEAD (CORS preflights and header-only reads are HTTP plumbing),
 *   and 304 (a cache revalidation: the body is the cached one);
 * - paths outside the document's base path (`/healthz`, `/metrics`, `/internal/...`);
 * - responses of test doubles (they carry the `x-test-double` header);
 * - paths under the base path whose first segment no documented path starts
 *   with (the gateway's own `/api/docs`), and refusals (4xx, 5xx) at a path or
 *   method inside a documented area that no operation matches (the 404 of an
 *   unknown route). A success there is a mismatch: an undocumented route.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** A response marked with this header came from a stand-in for a service, not from the API. */
export const TEST_DOUBLE_HEADER = 'x-test-double';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
const COMPONENTS_ID = 'urn:peerprep:openapi:components';

interface SchemaObject {
  [key: string]: unknown;
}
interface ResponseObject {
  $ref?: string;
  description?: string;
  content?: Record<string, { schema?: SchemaObject }>;
}
interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}
/** The parts of an OpenAPI 3.1 document the checker reads. */
export interface OpenApiDocumentLike {
  servers?: { url: string }[];
  paths?: Record<string, Partial<Record<Method, OperationObject>> & Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
}

export interface ObservedResponse {
  method: string;
  /** The request URL (absolute, or a path); the query string is ignored. */
  url: string;
  status: number;
  /** Response headers, names in any case. */
  headers: Record<string, string | string[] | undefined>;
  /** The body as received ('' when there was none; undefined when it could not be read: then only status and type are checked). */
  bodyText: string | undefined;
}

export interface ConformanceResult {
  /** false when the response is outside what the document describes (see the rules above). */
  checked: boolean;
  /** The operationId (or method and path) the response was checked against. */
  operation?: string;
  /** Why it was not checked. */
  reason?: string;
  /** Empty when the response conforms. */
  mismatches: string[];
}

export interface ConformanceChecker {
  check(response: ObservedResponse): ConformanceResult;
  /** Throws an Error naming the request and every mismatch; returns the result otherwise. */
  assertConforms(response: ObservedResponse): ConformanceResult;
}

interface CompiledPath {
  template: string;
  segments: string[];
  literalCount: number;
  item: Record<string, unknown>;
}

const skip = (reason: string): ConformanceResult => ({ checked: false, reason, mismatches: [] });

function header(headers: ObservedResponse['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}

/**
 * The pathname of a response's URL, absolute as supertest and Playwright
 * report it (not a request target: that is the service kit's `pathOf`).
 */
function urlPathname(url: string): string {
  return new URL(url, 'http://conformance.invalid').pathname;
}

function basePathOf(document: OpenApiDocumentLike): string {
  const server = document.servers?.[0]?.url ?? '/';
  return new URL(server, 'http://conformance.invalid').pathname.replace(/\/+$/, '');
}

/** `#/components/schemas/X` → a reference into the components schema the checker registers. */
function rewriteRefs(node: unknown, prefix: string): unknown {
  if (Array.isArray(node)) return node.map((child) => rewriteRefs(child, prefix));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? `${prefix}#/$defs/${value.slice('#/components/schemas/'.length)}`
        : rewriteRefs(value, prefix),
    ]),
  );
}

function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[^;]+\+json$/.test(mediaType);
}

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath || '(root)';
    const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : '';
    return `${where} ${error.message ?? error.keyword}${extra}`;
  });
}

/**
 * Compiles schemas of the document (a response's, a request body's, a
 * parameter's) with ajv in strict mode, `#/components/schemas/...` resolved.
 */
export function createSchemaCompiler(openApiDocument: object): (schema: object) => ValidateFunction {
  const document = openApiDocument as OpenApiDocumentLike;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // OpenAPI's own schema keywords, which JSON Schema does not define.
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(document.components?.schemas ?? {}, '') as SchemaObject });
  return (schema) => ajv.compile(rewriteRefs(schema, COMPONENTS_ID) as SchemaObject);
}

/** `openApiDocument`: an OpenAPI 3.1 document such as `buildOpenApiDocument()` returns. */
export function createConformanceChecker(openApiDocument: object): ConformanceChecker {
  const document = openApiDocument as OpenApiDocumentLike;
  const basePath = basePathOf(document);
  const paths: CompiledPath[] = Object.entries(document.paths ?? {}).map(([template, item]) => {
    const segments = template.split('/').filter(Boolean);
    return { template, segments, literalCount: segments.filter((s) => !s.startsWith('{')).length, item };
  });
  const documentedAreas = new Set(paths.map((path) => path.segments[0]));
  const compile = createSchemaCompiler(document);
  const validators = new Map<string, ValidateFunction>();

  function validatorFor(key: string, schema: SchemaObject): ValidateFunction {
    let validate = validators.get(key);
    if (!validate) {
      validate = compile(schema);
      validators.set(key, validate);
    }
    return validate;
  }

  function resolveResponse(response: ResponseObject): ResponseObject {
    if (!response.$ref) return response;
    const name = response.$ref.replace('#/components/responses/', '');
    const resolved = document.components?.responses?.[name] as ResponseObject | undefined;
    if (!resolved) throw new Error(`The document refers to a missing response component: ${response.$ref}`);
    return resolveResponse(resolved);
  }

  function matchPath(segments: string[]): CompiledPath | undefined {
    return paths
      .filter(
        (path) =>
          path.segments.length === segments.length &&
          path.segments.every((part, index) => part.startsWith('{') || part === segments[index]),
      )
      .sort((a, b) => b.literalCount - a.literalCount)[0];
  }

  function check(response: ObservedResponse): ConformanceResult {
    const method = response.method.toLowerCase();
    if (method === 'options' || method === 'head') return skip(`${method.toUpperCase()} is HTTP plumbing`);
    if (response.status === 304) return skip('304 is a cache revalidation');
    const path = urlPathname(response.url);
    if (path !== basePath && !path.startsWith(`${basePath}/`)) return skip(`${path} is outside ${basePath}`);
    if (header(response.headers, TEST_DOUBLE_HEADER) !== undefined) return skip('answered by a test double');

    const segments = path.slice(basePath.length).split('/').filter(Boolean);
    const matched = matchPath(segments);
    const operation = matched?.item[method] as OperationObject | undefined;
    const label = `${method.toUpperCase()} ${path}`;
    if (!matched || !operation) {
      if (!documentedAreas.has(segments[0])) return skip(`${path} is outside the documented areas`);
      if (response.status >= 400) return skip(`a refusal at an undocumented route (${label})`);
      const what = matched ? `method ${method.toUpperCase()} of ${matched.template}` : 'path';
      return { checked: true, operation: label, mismatches: [`undocumented ${what} answered ${response.status}`] };
    }

    const operationName = operation.operationId ?? `${method} ${matched.template}`;
    const responses = operation.responses ?? {};
    const statusKey = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find((key) => key in responses);
    if (!statusKey) {
      return {
        checked: true,
        operation: operationName,
        mismatches: [`status ${response.status} is not documented (documented: ${Object.keys(responses).join(', ')})`],
      };
    }
    const documented = resolveResponse(responses[statusKey] as ResponseObject);
    const mismatches: string[] = [];
    const mediaType = mediaTypeOf(header(response.headers, 'content-type'));
    const content = documented.content ?? {};
    const mediaTypes = Object.keys(content);

    if (mediaTypes.length === 0) {
      if (response.bodyText) {
        mismatches.push(`status ${statusKey} documents no body, got ${response.bodyText.length} bytes of ${mediaType ?? 'unknown type'}`);
      }
      return { checked: true, operation: operationName, mismatches };
    }
    const documentedType = mediaTypes.find(
      (candidate) => candidate === mediaType || (candidate.endsWith('/*') && mediaType?.startsWith(candidate.slice(0, -1))),
    );
    if (!mediaType || !documentedType) {
      mismatches.push(`content type ${mediaType ?? '(none)'} is not documented for ${statusKey} (documented: ${mediaTypes.join(', ')})`);
      return { checked: true, operation: operationName, mismatches };
    }
    const schema = content[documentedType]?.schema;
    if (!schema) return { checked: true, operation: operationName, mismatches };
    if (!isJsonMediaType(documentedType) || response.bodyText === undefined) return { checked: true, operation: operationName, mismatches };
    if (response.bodyText.length === 0) {
      mismatches.push(`status ${statusKey} documents a ${documentedType} body, got none`);
      return { checked: true, operation: operationName, mismatches };
    }
    let body: unknown;
    try {
      body = JSON.parse(response.bodyText);
    } catch {
      mismatches.push(`the ${documentedType} body is not JSON`);
      return { checked: true, operation: operationName, mismatches };
    }
    const validate = validatorFor(`${operationName} ${statusKey} ${documentedType}`, schema);
    if (!validate(body)) {
      const target = typeof schema['$ref'] === 'string' ? schema['$ref'] : `the ${statusKey} schema`;
      mismatches.push(...describeErrors(validate.errors).map((error) => `body does not match ${target}: ${error}`));
    }
    return { checked: true, operation: operationName, mismatches };
  }

  return {
    check,
    assertConforms(response) {
      const result = check(response);
      if (result.mismatches.length > 0) {
        const text = response.bodyText ?? '(not readable)';
        const body = text.length > 500 ? `${text.slice(0, 500)}…` : text;
        throw new Error(
          `The response breaks the OpenAPI document: ${response.method.toUpperCase()} ${urlPathname(response.url)} → ` +
            `${response.status} (${result.operation})\n${result.mismatches.map((m) => `  - ${m}`).join('\n')}\n` +
            `  response body: ${body || '(empty)'}`,
        );
      }
      return result;
    },
  };
}
