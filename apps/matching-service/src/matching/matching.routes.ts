import { requireAuth, signedInUser, type TokenVerifier } from '@peerprep/auth';
import { createMatchRequestSchema, type CreateMatchRequest } from '@peerprep/contracts';
import { validate } from '@peerprep/service-kit';
import { Router } from 'express';
import type { MatchingService } from './matching.service';

export function matchingRoutes({ matching, verifier }: { matching: MatchingService; verifier: TokenVerifier }): Router {
  const router = Router();
  const signedIn = requireAuth(verifier);

  router.post('/api/match/requests', signedIn, validate(createMatchRequestSchema, 'body'), async (req, res) => {
    const view = await matching.createRequest(signedInUser(req), req.body as CreateMatchRequest, String(req.id));
    res.status(201).json(view);
  });

  router.get('/api/match/requests/current', signedIn, async (req, res) => {
    const view = await matching.currentRequest(signedInUser(req).id);
    // The match page asks on every load: having no request is no error.
    if (view) res.json(view);
    else res.status(204).end();
  });

  router.delete('/api/match/requests/current', signedIn, async (req, res) => {
    await matching.cancelRequest(signedInUser(req).id);
    res.status(204).end();
  });

  return router;
}
