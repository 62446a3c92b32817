import {
  PICK_QUESTION_PATH,
  pickQuestionRequestSchema,
  type PickQuestionRequest,
  type PickQuestionResponse,
} from '@peerprep/contracts';
import { requireInternalCaller, validate } from '@peerprep/service-kit';
import { Router } from 'express';
import type { QuestionsService } from './questions.service';

/**
 * The picker collaboration-service calls when it opens a room. The gateway
 * routes nothing under /internal, and the shared token keeps it
 * service-to-service even where the port itself is reachable.
 */
export function pickRoutes({ questions, internalToken }: { questions: QuestionsService; internalToken: string }): Router {
  const router = Router();
  router.post(
    PICK_QUESTION_PATH,
    requireInternalCaller(internalToken),
    validate(pickQuestionRequestSchema, 'body'),
    async (req, res) => {
      const question = await questions.pickQuestion(req.body as PickQuestionRequest);
      res.json({ question } satisfies PickQuestionResponse);
    },
  );
  return router;
}
