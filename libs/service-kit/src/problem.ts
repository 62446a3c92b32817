import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { FieldError } from './errors';

/** RFC 9457 problem details, as every PeerPrep service answers errors. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface ProblemExtras {
  detail?: string;
  /** A URI naming the problem type; 'about:blank' when the status says it all. */
  type?: string;
  errors?: FieldError[];
  /** Defaults to the request path. */
  instance?: string;
  /** Defaults to the x-request-id response header. */
  requestId?: string;
  headers?: Record<string, string | number>;
  /** Extra members, e.g. readiness `checks`. */
  extensions?: Record<string, unknown>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

function requestPath(res: ServerResponse): string {
  const url = res.req?.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Writes a problem+json response with plain node:http calls, so code running
 * outside Express (the gateway's proxy hot path) answers exactly like Express routes.
 */
export function sendProblem(res: ServerResponse, status: number, title?: string, extra: ProblemExtras = {}): void {
  const requestId = extra.requestId ?? String(res.getHeader('x-request-id') ?? '');
  const body: ProblemDetails = {
    type: extra.type ?? 'about:blank',
    title: title ?? STATUS_CODES[status] ?? 'Error',
    status,
    ...(extra.detail !== undefined ? { detail: extra.detail } : {}),
    instance: extra.instance ?? requestPath(res),
    requestId,
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
    ...extra.extensions,
  };
  const payload = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(extra.headers ?? {})) res.setHeader(name, value);
  res.setHeader('content-type', PROBLEM_CONTENT_TYPE);
  res.setHeader('content-length', Buffer.byteLength(payload));
  res.end(res.req?.method === 'HEAD' ? undefined : payload);
}

/**
 * A protocol-level problem found by the kit itself (wrong content type, ...),
 * as opposed to a domain error thrown by a service.
 */
export class HttpProblem extends Error {
  readonly status: number;

  constructor(status: number, detail: string) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
  }
}
