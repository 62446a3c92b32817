import type { z } from 'zod';
import { ApiContractError, ApiError, apiErrorFromResponse } from './api-error';

export { ApiContractError, ApiError, type FieldErrors } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/**
 * A schema, or a function that loads one (`contract('questions', 'questionsPageSchema')`
 * from `lib/contracts`): then zod and the contract schemas load with the first
 * request that needs them (beside it, while it is on the wire), not with the
 * page, and stay out of its hydration.
 */
export type SchemaSource<S extends z.ZodType> = S | (() => Promise<S>);

/** The schema itself, loading it first when it is given as a loader. */
export function resolveSchema<S extends z.ZodType>(source: SchemaSource<S>): S | Promise<S> {
  return typeof source === 'function' ? source() : source;
}

export interface ApiRequestOptions<S extends z.ZodType> {
  /**
   * Validates (and types) the 2xx body. A 204 has none: the schema sees
   * `undefined`, so use `z.void()` for an answer that never has a body and
   * `schema.optional()` for "this, or 204 when there is nothing".
   */
  schema: SchemaSource<S>;
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** Appended to the path; arrays repeat the key, `undefined` is left out. */
  query?: Readonly<Record<string, QueryValue>>;
  /** The access token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** More request headers (server code: the visitor's X-Forwarded-For, lib/server-api.ts). */
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /**
   * Origin of the gateway. The browser leaves it out and stays on its own
   * origin (Next rewrites /api to the gateway); server code and tests set it.
   */
  baseUrl?: string;
}

/** Where `/api` lives when no baseUrl is given. */
export function defaultApiBaseUrl(): string {
  if (typeof window !== 'undefined') return '';
  // Server components call the gateway directly: no rewrite on that side.
  return process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001';
}

/** `/questions` + query → `<base>/api/questions?…`. */
export function buildApiUrl(path: string, query?: ApiRequestOptions<z.ZodType>['query'], baseUrl = defaultApiBaseUrl()): string {
  if (!path.startsWith('/')) throw new TypeError(`API path must start with "/": ${path}`);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const search = params.size > 0 ? `?${params.toString()}` : '';
  return `${baseUrl.replace(/\/+$/, '')}/api${path}${search}`;
}

/**
 * Calls the PeerPrep API. `path` is relative to `/api` (`/auth/login`).
 * Resolves with the body parsed by `schema`; rejects with an ApiError for a
 * non-2xx answer or no answer, an ApiContractError for a 2xx body that breaks
 * the contract, and passes an abort through unchanged.
 */
export async function apiRequest<S extends z.ZodType>(path: string, options: ApiRequestOptions<S>): Promise<z.infer<S>> {
  const { schema, method = 'GET', body, query, token, signal, baseUrl } = options;
  const headers = new Headers({ ...options.headers, Accept: 'application/json, application/problem+json' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  // The schema loads while the request is on the wire, not after the answer.
  // A failed load surfaces where it is awaited (or not at all after an error answer).
  const loadingSchema = Promise.resolve().then(() => resolveSchema(schema));
  loadingSchema.catch(() => undefined);

  let response: Response;
  let text: string;
  try {
    response = await fetch(buildApiUrl(path, query, baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // The refresh token is an httpOnly cookie: it must ride along.
      credentials: 'include',
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, title: 'Network error', detail: 'The server could not be reached.', cause: error });
  }

  if (!response.ok) throw await apiErrorFromResponse(response, text);

  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch (error) {
    throw new ApiContractError(path, response.status, error);
  }
  const parsed = (await loadingSchema).safeParse(json);
  if (!parsed.success) throw new ApiContractError(path, response.status, parsed.error);
  return parsed.data;
}
