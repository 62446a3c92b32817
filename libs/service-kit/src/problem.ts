import { STATUS_CODES, type ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, type FieldError, type ProblemDetails } from '@peerprep/contracts';
import { pathOf } from './path';

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

const CONTENT_TYPE = `${PROBLEM_CONTENT_TYPE}; charset=utf-8`;

/**
 * Writes a problem+json response with plain node:http calls, so code running
 * outside Express (the gateway's proxy hot path) answers exactly like Express routes.
 */
export function sendProblem(res: ServerResponse, status: number, title?: string, extra: ProblemExtras = {}): void {
  const requestId = extra.requestId ?? String(res.getHeader('x-request-id') ?? '');
  // The contract's members, plus extensions such as readiness `checks`.
  const body: ProblemDetails & Record<string, unknown> = {
    type: extra.type ?? 'about:blank',
    title: title ?? STATUS_CODES[status] ?? 'Error',
    status,
    ...(extra.detail !== undefined ? { detail: extra.detail } : {}),
    instance: extra.instance ?? pathOf(res.req?.url),
    requestId,
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
    ...extra.extensions,
  };
  const payload = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(extra.headers ?? {})) res.setHeader(name, value);
  res.setHeader('content-type', CONTENT_TYPE);
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
