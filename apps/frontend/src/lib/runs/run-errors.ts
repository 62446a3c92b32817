import { ApiError, type FieldErrors } from '../api-error';
import { describeFailure } from '../form-errors';

/** What the results panel shows when starting a run was refused. */
export interface RunFailure {
  /** Beside the custom-input boxes (`customInput.<i>`, `customInput`). */
  fieldErrors: FieldErrors;
  message: string | null;
  /** 429 and 503: the buttons stay disabled this long (the server's Retry-After). */
  retryAfterSeconds: number | null;
}

function waitText(seconds: number | undefined): string {
  return seconds === undefined ? 'in a moment' : `in ${Math.max(1, Math.ceil(seconds))} s`;
}

/**
 * Maps a refusal of `POST /rooms/:id/runs` or `POST /runs` to words: 409 (a
 * run already going, or the room closed: the server's own detail), 413 (code
 * above 64 KiB), 429 (too many runs), 503 (every runner busy), 400 beside
 * the custom-input box at fault; the rest as every form says it.
 */
export function describeRunFailure(error: unknown, fields: readonly string[]): RunFailure {
  if (error instanceof ApiError) {
    const retry = error.retryAfterSeconds ?? null;
    switch (error.status) {
      case 409:
        return { fieldErrors: {}, message: error.detail ?? 'A run is already in progress.', retryAfterSeconds: null };
      case 413:
        return {
          fieldErrors: {},
          message: 'The code is larger than 64 KiB, the most a run accepts. Shorten it and try again.',
          retryAfterSeconds: null,
        };
      case 429:
        return {
          fieldErrors: {},
          message: `You have started many runs in a short time. Try again ${waitText(error.retryAfterSeconds)}.`,
          retryAfterSeconds: retry,
        };
      case 503:
        return {
          fieldErrors: {},
          message: `Every runner is busy right now. Try again ${waitText(error.retryAfterSeconds)}.`,
          retryAfterSeconds: retry,
        };
    }
  }
  const failure = describeFailure(error, { fields });
  return { ...failure, retryAfterSeconds: null };
}
