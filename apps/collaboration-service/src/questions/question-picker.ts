import {
  INTERNAL_TOKEN_HEADER,
  PICK_QUESTION_PATH,
  pickQuestionResponseSchema,
  type PickQuestionRequest,
  type Question,
} from '@peerprep/contracts';
import type { Logger } from '@peerprep/service-kit';

/** question-service could not answer (down, timing out, or answering errors) after the retries. */
export class QuestionServiceUnavailableError extends Error {
  constructor(cause: unknown) {
    super('question-service is unavailable', { cause });
    this.name = 'QuestionServiceUnavailableError';
  }
}

export interface QuestionPicker {
  /** A random question that fits, or null when none does. */
  pick(request: PickQuestionRequest): Promise<Question | null>;
}

export interface HttpQuestionPickerOptions {
  questionServiceUrl: string;
  internalToken: string;
  logger: Logger;
  timeoutMs?: number;
  /** Delays between attempts; one attempt more than there are delays. */
  retryDelaysMs?: readonly number[];
}

/** question-service's internal picker over HTTP, retried briefly on failure. */
export function createHttpQuestionPicker(options: HttpQuestionPickerOptions): QuestionPicker {
  const url = new URL(PICK_QUESTION_PATH, options.questionServiceUrl).toString();
  const delays = options.retryDelaysMs ?? [200, 800];

  async function attempt(request: PickQuestionRequest): Promise<Question | null> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: options.internalToken },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`question-service answered ${response.status}`);
    return pickQuestionResponseSchema.parse(await response.json()).question;
  }

  return {
    async pick(request) {
      let lastError: unknown;
      for (let tries = 0; tries <= delays.length; tries += 1) {
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, delays[tries - 1]));
        try {
          return await attempt(request);
        } catch (error) {
          lastError = error;
          options.logger.warn({ err: error, tries: tries + 1 }, 'picking a question failed');
        }
      }
      throw new QuestionServiceUnavailableError(lastError);
    },
  };
}
