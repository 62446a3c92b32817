import type { FieldLocation } from '@peerprep/contracts';

/**
 * Domain errors: what went wrong, in the service's own terms. Services throw
 * these and never choose HTTP status codes; `problemErrorHandler` maps them
 * to the problem details of `@peerprep/contracts`.
 */
export class DomainError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'The resource does not exist') {
    super(message);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Authentication is required') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}

export class ConflictError extends DomainError {
  /** What conflicts, e.g. [{ field: 'email', message: 'already taken' }]. */
  readonly fields: { field: string; message: string; location?: FieldLocation }[];

  constructor(message = 'The request conflicts with existing data', fields: ConflictError['fields'] = []) {
    super(message);
    this.fields = fields;
  }
}

export class ValidationError extends DomainError {
  readonly fields: { field: string; message: string; location?: FieldLocation }[];

  constructor(message = 'The request is invalid', fields: ValidationError['fields'] = []) {
    super(message);
    this.fields = fields;
  }
}

export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, message = 'Too many requests, try again later') {
    super(message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export class ServiceUnavailableError extends DomainError {
  /** When the client may try again (a Retry-After header), if known: a full queue drains. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message = 'A dependency is unavailable', options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfterSeconds));
  }
}

export class BadGatewayError extends DomainError {
  constructor(message = 'An upstream service failed', options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class GatewayTimeoutError extends DomainError {
  constructor(message = 'An upstream service did not answer in time', options?: { cause?: unknown }) {
    super(message, options);
  }
}
