import type { ProblemDetails } from '@peerprep/contracts';

/** Field path (`email`, `topics.0`) → the message to show beside that field. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * A request the API refused or could not answer: a non-2xx problem+json
 * response, or (status 0) no response at all. Forms read `fieldErrors` to put
 * each message beside its field and `detail ?? title` for the rest.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  /** The problem `type` URI (see `problemTypes` in the contracts), when the server sent one. */
  readonly type?: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  readonly fieldErrors: FieldErrors;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    type?: string;
    requestId?: string;
    retryAfterSeconds?: number;
    fieldErrors?: FieldErrors;
    cause?: unknown;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title, { cause: init.cause });
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.fieldErrors = init.fieldErrors ?? {};
  }
}

/**
 * A 2xx response whose body breaks the contract: a bug on one side of the
 * wire, not something a user can fix, so it is not an ApiError.
 */
export class ApiContractError extends Error {
  override readonly name = 'ApiContractError';
  constructor(
    readonly path: string,
    readonly status: number,
    cause: unknown,
  ) {
    super(`Response from ${path} (${status}) does not match its contract`, { cause });
  }
}

/** The first message for each field; a form shows one message per field. */
export function toFieldErrors(errors: ProblemDetails['errors']): FieldErrors {
  const byField: Record<string, string> = {};
  for (const { field, message } of errors ?? []) {
    byField[field] ??= message;
  }
  return byField;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * Builds the ApiError for a non-2xx response from its body (already read as
 * text). A body that is not a problem document (a proxy's HTML error page, say)
 * still yields an ApiError with the status and its reason phrase.
 */
export async function apiErrorFromResponse(response: Response, bodyText: string): Promise<ApiError> {
  // The schema comes with the first error: the contracts, and zod under them,
  // are then not part of the first load of a page that only restores the session.
  const { parseProblemDetails } = await import('./problem-details');
  let json: unknown;
  try {
    json = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    json = undefined;
  }
  const retryAfterHeader = parseRetryAfter(response.headers.get('retry-after'));
  const problem = parseProblemDetails(json);
  if (!problem.success) {
    return new ApiError({
      status: response.status,
      title: response.statusText || `HTTP ${response.status}`,
      requestId: response.headers.get('x-request-id') ?? undefined,
      retryAfterSeconds: retryAfterHeader,
    });
  }
  const { data } = problem;
  return new ApiError({
    status: response.status,
    title: data.title,
    detail: data.detail,
    type: data.type,
    requestId: data.requestId ?? response.headers.get('x-request-id') ?? undefined,
    retryAfterSeconds: data.retryAfterSeconds ?? retryAfterHeader,
    fieldErrors: toFieldErrors(data.errors),
  });
}
