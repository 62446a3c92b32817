import { requireAuth, signedInUser, type TokenVerifier } from '@peerprep/auth';
import { interviewRoundParamsSchema, roomIdParamsSchema, type InterviewRoundParams } from '@peerprep/contracts';
import { validate } from '@peerprep/service-kit';
import { Router } from 'express';
import type { RoomInterviews } from './room-interviews';

export interface InterviewRoutesDeps {
  interviews: Pick<RoomInterviews, 'view' | 'endRound'>;
  verifier: TokenVerifier;
}

/** A mock interview's rounds: the view both peers share, and the interviewer's early end of a round. */
export function interviewRoutes({ interviews, verifier }: InterviewRoutesDeps): Router {
  const router = Router();
  const signedIn = requireAuth(verifier);

  router.get('/api/rooms/:id/interview', signedIn, validate(roomIdParamsSchema, 'params'), async (req, res) => {
    // `serverNow` is the clock both peers count down with: a cached answer would move it back.
    res.set('cache-control', 'no-store').json(await interviews.view(signedInUser(req), String(req.params.id)));
  });

  router.post('/api/rooms/:id/interview/rounds/:round/end', signedIn, validate(interviewRoundParamsSchema, 'params'), async (req, res) => {
    const { id, round } = req.params as unknown as InterviewRoundParams;
    res.set('cache-control', 'no-store').json(await interviews.endRound(signedInUser(req), id, round === 1 ? 1 : 2));
  });

  return router;
}
