import { INTERNAL_TOKEN_HEADER, interviewerMaterialPath, interviewerMaterialSchema, type InterviewerMaterial } from '@peerprep/contracts';
import { ServiceUnavailableError, type Logger } from '@peerprep/service-kit';

/**
 * What only the interviewer of a mock-interview round may see: the question's
 * hints, reference solutions and rubric. The room's own copy of the question
 * (roomQuestionSchema) never holds any of it, so the interviewer's pane reads
 * it here, for the interviewer alone.
 */
export interface InterviewerMaterialSource {
  /** The material, or null when question-service has no question by that id. Throws ServiceUnavailableError when it cannot be asked. */
  get(questionId: string): Promise<InterviewerMaterial | null>;
}

export interface HttpInterviewerMaterialSourceOptions {
  questionServiceUrl: string;
  internalToken: string;
  logger: Logger;
  timeoutMs?: number;
}

/**
 * question-service's internal `GET /internal/questions/:id/interviewer-material`
 * with the shared token; the answer is checked against the contract, so a
 * malformed one is an outage here rather than a broken pane. Not cached
 * here: app.ts wraps it in interview-pane/material-cache.ts (30 s), so an
 * admin's edit of a rubric shows within that.
 */
export function createHttpInterviewerMaterialSource(options: HttpInterviewerMaterialSourceOptions): InterviewerMaterialSource {
  const unavailable = (cause?: unknown) => new ServiceUnavailableError('The interviewer material cannot be read right now', { cause });

  return {
    async get(questionId) {
      let response: Response;
      try {
        response = await fetch(new URL(interviewerMaterialPath(questionId), options.questionServiceUrl), {
          headers: { [INTERNAL_TOKEN_HEADER]: options.internalToken },
          signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
        });
      } catch (error) {
        options.logger.warn({ err: error, questionId }, 'reading the interviewer material failed');
        throw unavailable(error);
      }
      if (response.status === 404) return null;
      if (!response.ok) {
        options.logger.warn({ status: response.status, questionId }, 'question-service refused an interviewer material read');
        throw unavailable();
      }
      const material = interviewerMaterialSchema.safeParse(await response.json().catch(() => undefined));
      if (!material.success || material.data.questionId !== questionId) {
        options.logger.error({ questionId, issues: material.error?.issues }, 'question-service answered interviewer material that does not fit the contract');
        throw unavailable(material.error);
      }
      return material.data;
    },
  };
}
