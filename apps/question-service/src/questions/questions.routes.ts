import { optionalAuth, requireAdmin, type TokenVerifier } from '@peerprep/auth';
import {
  listQuestionsQuerySchema,
  questionIdOrSlugParamsSchema,
  questionInputSchema,
  type ListQuestionsQuery,
  type QuestionIdOrSlugParams,
  type QuestionInput,
} from '@peerprep/contracts';
import { identifyInternalCaller, validate } from '@peerprep/service-kit';
import { Router, type Request } from 'express';
import type { QuestionsService } from './questions.service';

/**
 * Hidden test cases and the interviewer's material (hints, reference
 * solutions, rubric) are for admins and for services (the runner, the room),
 * never for students.
 */
function mayReadHidden(req: Request): boolean {
  return req.internalCaller === true || req.user?.role === 'ADMIN';
}

/**
 * The public question routes, under the paths the gateway forwards unchanged.
 * The list and topics are public and skip token verification: they are the
 * hot reads and do not depend on who asks.
 */
export function questionsRoutes({
  questions,
  verifier,
  internalToken,
}: {
  questions: QuestionsService;
  verifier: TokenVerifier;
  internalToken: string;
}): Router {
  const router = Router();
  const admin = requireAdmin(verifier);
  const byIdOrSlug = validate(questionIdOrSlugParamsSchema, 'params');
  const questionBody = validate(questionInputSchema, 'body');

  router.get('/api/questions', validate(listQuestionsQuerySchema, 'query'), async (req, res) => {
    res.json(await questions.listQuestions(req.query as unknown as ListQuestionsQuery));
  });

  router.get('/api/topics', async (_req, res) => {
    res.json(await questions.listTopics());
  });

  router.get(
    '/api/questions/:idOrSlug',
    identifyInternalCaller(internalToken),
    optionalAuth(verifier),
    byIdOrSlug,
    async (req, res) => {
      const { idOrSlug } = req.params as QuestionIdOrSlugParams;
      res.json(await questions.getQuestion(idOrSlug, { includeHidden: mayReadHidden(req) }));
    },
  );

  router.post('/api/questions', admin, questionBody, async (req, res) => {
    const created = await questions.createQuestion(req.body as QuestionInput, { correlationId: String(req.id) });
    res.status(201).location(`/api/questions/${created.slug}`).json(created);
  });

  router.put('/api/questions/:idOrSlug', admin, byIdOrSlug, questionBody, async (req, res) => {
    const { idOrSlug } = req.params as QuestionIdOrSlugParams;
    res.json(await questions.replaceQuestion(idOrSlug, req.body as QuestionInput, { correlationId: String(req.id) }));
  });

  router.delete('/api/questions/:idOrSlug', admin, byIdOrSlug, async (req, res) => {
    const { idOrSlug } = req.params as QuestionIdOrSlugParams;
    await questions.deleteQuestion(idOrSlug, { correlationId: String(req.id) });
    res.status(204).end();
  });

  return router;
}
