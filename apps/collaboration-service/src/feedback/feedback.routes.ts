import { requireAuth, signedInUser, type TokenVerifier } from '@peerprep/auth';
import { attemptIdParamsSchema, roomIdParamsSchema, submitFeedbackRequestSchema, type SubmitFeedbackRequest } from '@peerprep/contracts';
import { validate } from '@peerprep/service-kit';
import { Router } from 'express';
import type { FeedbackService } from './feedback.service';

export interface FeedbackRoutesDeps {
  feedback: FeedbackService;
  verifier: TokenVerifier;
}

/** Feedback after a mock interview, its summary, and blocking a peer (README, "Feedback"). */
export function feedbackRoutes({ feedback, verifier }: FeedbackRoutesDeps): Router {
  const router = Router();
  const signedIn = requireAuth(verifier);
  const roomParams = validate(roomIdParamsSchema, 'params');

  router.post('/api/rooms/:id/feedback', signedIn, roomParams, validate(submitFeedbackRequestSchema, 'body'), async (req, res) => {
    res.status(201).json(await feedback.submit(signedInUser(req), String(req.params.id), req.body as SubmitFeedbackRequest));
  });

  // What is visible changes with the clock (24 h after the close): never cached.
  router.get('/api/rooms/:id/feedback', signedIn, roomParams, async (req, res) => {
    res.set('cache-control', 'no-store').json(await feedback.roomFeedback(signedInUser(req), String(req.params.id)));
  });

  router.get('/api/history/:id/feedback', signedIn, validate(attemptIdParamsSchema, 'params'), async (req, res) => {
    res.set('cache-control', 'no-store').json(await feedback.attemptFeedback(signedInUser(req), String(req.params.id)));
  });

  router.get('/api/feedback/summary', signedIn, async (req, res) => {
    res.set('cache-control', 'no-store').json(await feedback.summary(signedInUser(req)));
  });

  router.post('/api/rooms/:id/block', signedIn, roomParams, async (req, res) => {
    res.json(await feedback.block(signedInUser(req), String(req.params.id)));
  });

  return router;
}
