import type { FieldError, FieldLocation } from '@peerprep/contracts';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import {
  BadGatewayError,
  ConflictError,
  DomainError,
  ForbiddenError,
  GatewayTimeoutError,
  NotFoundError,
  RateLimitedError,
  ServiceUnavailableError,
  UnauthorizedError,
  ValidationError,
} from './errors';
import { HttpProblem, sendProblem, type ProblemExtras } from './problem';
import { fieldErrorsFromZod } from './validate';

interface MappedProblem {
  status: number;
  extras: ProblemExtras;
}

// The one place where domain errors meet HTTP status codes.
const DOMAIN_STATUS: [new (...args: never[]) => DomainError, number][] = [
  [ValidationError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [RateLimitedError, 429],
  [BadGatewayError, 502],
  [ServiceUnavailableError, 503],
  [GatewayTimeoutError, 504],
];

function withLocation(
  fields: { field: string; message: string; location?: FieldLocation }[],
  fallback: FieldLocation,
): FieldError[] {
  return fields.map((f) => ({ field: f.field, location: f.location ?? fallback, message: f.message }));
}

// body-parser (express.json) reports its failures as errors with a `type`,
// except a body its Content-Encoding cannot decode (zlib's error, wrapped as
// an exposed 400 with no type); Express's router fails a path parameter that
// is not validly percent-encoded with a URIError of status 400.
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

function requestReadingProblem(error: BodyParserError | null): MappedProblem | undefined {
  if (error instanceof URIError && error.status === 400) {
    const detail = 'The request path is not validly percent-encoded';
    return { status: 400, extras: { detail, errors: [{ field: '(path)', location: 'params', message: detail }] } };
  }
  if (error instanceof Error && error.expose === true && error.status === 400 && error.type === undefined) {
    const detail = `The request body could not be decoded: ${error.message}`;
    return { status: 400, extras: { detail, errors: [{ field: '(root)', location: 'body', message: detail }] } };
  }
  return undefined;
}

const BODY_PARSER_PROBLEMS: Record<string, { status: number; detail: string }> = {
  'entity.parse.failed': { status: 400, detail: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, detail: 'The request body is larger than the allowed limit' },
  'charset.unsupported': { status: 415, detail: 'The request body charset is not supported' },
  'encoding.unsupported': { status: 415, detail: 'The request body encoding is not supported' },
  'request.aborted': { status: 400, detail: 'The request was aborted' },
  'request.size.invalid': { status: 400, detail: 'The request body size does not match its content-length' },
};

/** Maps a thrown value to a status and problem body members; undefined = unexpected (500). */
export function problemForError(error: unknown): MappedProblem | undefined {
  if (error instanceof DomainError) {
    const entry = DOMAIN_STATUS.find(([type]) => error instanceof type);
    if (!entry) return undefined;
    const extras: ProblemExtras = { detail: error.message };
    if (error instanceof ValidationError || error instanceof ConflictError) {
      extras.errors = withLocation(error.fields, 'body');
    }
    if (error instanceof RateLimitedError) extras.headers = { 'retry-after': error.retryAfterSeconds };
    if (error instanceof ServiceUnavailableError && error.retryAfterSeconds !== undefined) {
      extras.headers = { 'retry-after': error.retryAfterSeconds };
    }
    return { status: entry[1], extras };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      extras: { detail: 'The request is invalid', errors: fieldErrorsFromZod(error, 'body') },
    };
  }
  if (error instanceof HttpProblem) return { status: error.status, extras: { detail: error.message } };
  const parserError = error as BodyParserError | null;
  const known = parserError?.type ? BODY_PARSER_PROBLEMS[parserError.type] : undefined;
  if (known) {
    // A 400 names its field: the body as a whole, like a zod error at the root.
    const errors = known.status === 400 ? [{ field: '(root)', location: 'body' as const, message: known.detail }] : undefined;
    return { status: known.status, extras: { detail: known.detail, ...(errors ? { errors } : {}) } };
  }
  return requestReadingProblem(parserError);
}

/** 404 for every request no route answered. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, 404, undefined, { detail: `No route for ${req.method} ${req.path}` });
};

/** The single error middleware: domain errors, zod, body parsing, and everything else as 500. */
export const problemErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const mapped = problemForError(error);
  if (mapped) {
    sendProblem(res, mapped.status, undefined, mapped.extras);
    return;
  }
  // pino-http logs the completed request with `res.err` as the error; the
  // client only gets the request id to quote, never the stack.
  res.err = error instanceof Error ? error : new Error(String(error));
  req.log?.error({ err: error }, 'unhandled error');
  sendProblem(res, 500, undefined, { detail: 'An unexpected error occurred; quote the request id when reporting it' });
};
