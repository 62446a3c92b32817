import { INTERNAL_TOKEN_HEADER, questionSchema, type Question } from '@peerprep/contracts';
import { ServiceUnavailableError, type Logger } from '@peerprep/service-kit';

/** A question with every test case, hidden ones included, as runs need it. */
export interface QuestionSource {
  /** The question, or null when question-service has none by that id. Throws ServiceUnavailableError when it cannot be asked. */
  get(questionId: string): Promise<Question | null>;
}

export interface HttpQuestionSourceOptions {
  questionServiceUrl: string;
  internalToken: string;
  logger: Logger;
  timeoutMs?: number;
  /** How long a question read is reused (admins rarely edit; a run never needs a fresher one than this). */
  cacheMs?: number;
  /** Questions kept at most (the bank holds tens to hundreds). */
  cacheSize?: number;
}

/**
 * question-service's question read with the internal token (which returns the
 * hidden test cases too), cached briefly: every Run of a room reads the same
 * question, and each read would otherwise cost question-service a query.
 */
export function createHttpQuestionSource(options: HttpQuestionSourceOptions): QuestionSource {
  const cacheMs = options.cacheMs ?? 30_000;
  const cacheSize = options.cacheSize ?? 500;
  const cache = new Map<string, { question: Question; expiresAt: number }>();

  async function fetchQuestion(questionId: string): Promise<Question | null> {
    let response: Response;
    try {
      response = await fetch(new URL(`/api/questions/${encodeURIComponent(questionId)}`, options.questionServiceUrl), {
        headers: { [INTERNAL_TOKEN_HEADER]: options.internalToken },
        signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
      });
    } catch (error) {
      options.logger.warn({ err: error, questionId }, 'reading a question failed');
      throw new ServiceUnavailableError('Questions cannot be read right now', { cause: error });
    }
    if (response.status === 404) return null;
    if (!response.ok) {
      options.logger.warn({ status: response.status, questionId }, 'question-service refused a question read');
      throw new ServiceUnavailableError('Questions cannot be read right now');
    }
    return questionSchema.parse(await response.json());
  }

  return {
    async get(questionId) {
      const cached = cache.get(questionId);
      if (cached && cached.expiresAt > Date.now()) return cached.question;
      const question = await fetchQuestion(questionId);
      if (!question) return null;
      cache.delete(questionId);
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(questionId, { question, expiresAt: Date.now() + cacheMs });
      return question;
    },
  };
}
