import type { z } from 'zod';
import { ApiError, type FieldErrors } from './api-error';

/** What a form shows after a failed submit: messages beside fields, and one above the form. */
export interface FormFailure {
  fieldErrors: FieldErrors;
  /** For what no field can show; null when every problem sits beside its field. */
  message: string | null;
}

export interface DescribeOptions {
  /** The fields this form renders: errors for other fields go into `message`. */
  fields: readonly string[];
  /** What a 401 means here (bad credentials on the login form, an ended session elsewhere). */
  unauthorizedMessage?: string;
}

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Sign in again to continue.';
export const NETWORK_MESSAGE = 'The server could not be reached. Check your connection and try again.';

export function rateLimitMessage(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined) return 'Too many attempts. Try again later.';
  return `Too many attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds))} s.`;
}

function serverFailureMessage(requestId: string | undefined): string {
  const reference = requestId ? ` (reference ${requestId})` : '';
  return `Something went wrong on our side${reference}. Try again in a moment.`;
}

/** Splits field errors into those this form can show and a sentence for the rest. */
function placeFieldErrors(errors: FieldErrors, fields: readonly string[]): { placed: FieldErrors; rest: string[] } {
  const placed: Record<string, string> = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    if (fields.includes(field)) placed[field] = message;
    else rest.push(message);
  }
  return { placed, rest };
}

/** Maps whatever a submit threw to what the form shows. */
export function describeFailure(error: unknown, { fields, unauthorizedMessage }: DescribeOptions): FormFailure {
  if (!(error instanceof ApiError)) return { fieldErrors: {}, message: serverFailureMessage(undefined) };
  if (error.status === 0) return { fieldErrors: {}, message: NETWORK_MESSAGE };
  if (error.status === 401) return { fieldErrors: {}, message: unauthorizedMessage ?? SESSION_ENDED_MESSAGE };
  if (error.status === 429) return { fieldErrors: {}, message: rateLimitMessage(error.retryAfterSeconds) };
  if (error.status >= 500) return { fieldErrors: {}, message: serverFailureMessage(error.requestId) };

  const { placed, rest } = placeFieldErrors(error.fieldErrors, fields);
  const anyPlaced = Object.keys(placed).length > 0;
  if (rest.length > 0) return { fieldErrors: placed, message: rest.join(' ') };
  if (anyPlaced) return { fieldErrors: placed, message: null };
  return { fieldErrors: {}, message: error.detail ?? error.title };
}

/**
 * Checks form values against the same contract schema the server uses, so
 * most mistakes show beside their field without a round trip. Null when valid.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
  fields: readonly string[],
): { data: z.infer<S>; failure: null } | { data: null; failure: FormFailure } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, failure: null };
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (fields.includes(field)) byField[field] ??= issue.message;
    else rest.push(issue.message);
  }
  return { data: null, failure: { fieldErrors: byField, message: rest.length > 0 ? rest.join(' ') : null } };
}
