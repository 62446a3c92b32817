import {
  INTERVIEWER_MATERIAL_PATH,
  interviewerMaterialParamsSchema,
  type InterviewerMaterial,
  type InterviewerMaterialParams,
} from '@peerprep/contracts';
import { requireInternalCaller, validate } from '@peerprep/service-kit';
import { Router } from 'express';
import type { QuestionsService } from './questions.service';

/**
 * What the interviewer of a mock-interview round sees beside the question:
 * collaboration-service reads it for the interviewer's pane only. Like the
 * picker it lives under /internal (never routed by the gateway) behind the
 * shared token, so no student's token can reach it even where the port can.
 */
export function interviewerMaterialRoutes({ questions, internalToken }: { questions: QuestionsService; internalToken: string }): Router {
  const router = Router();
  router.get(
    INTERVIEWER_MATERIAL_PATH,
    requireInternalCaller(internalToken),
    validate(interviewerMaterialParamsSchema, 'params'),
    async (req, res) => {
      const { id } = req.params as InterviewerMaterialParams;
      res.json((await questions.getInterviewerMaterial(id)) satisfies InterviewerMaterial);
    },
  );
  return router;
}
