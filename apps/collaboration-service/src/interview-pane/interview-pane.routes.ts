import { requireAuth, signedInUser, type TokenVerifier } from '@peerprep/auth';
import {
  hintReleaseParamsSchema,
  interviewRoundParamsSchema,
  putInterviewerNotesRequestSchema,
  roomIdParamsSchema,
  type HintReleaseParams,
  type InterviewRoundParams,
  type PutInterviewerNotesRequest,
} from '@peerprep/contracts';
import { validate } from '@peerprep/service-kit';
import { Router } from 'express';
import type { InterviewPaneService } from './interview-pane.service';

export interface InterviewPaneRoutesDeps {
  pane: InterviewPaneService;
  verifier: TokenVerifier;
}

/** The interviewer's pane of a mock-interview room, and its released hints (README, "The interviewer's pane"). */
export function interviewPaneRoutes({ pane, verifier }: InterviewPaneRoutesDeps): Router {
  const router = Router();
  const signedIn = requireAuth(verifier);
  const roundParams = validate(interviewRoundParamsSchema, 'params');
  const params = <T>(req: { params: unknown }) => req.params as T;

  router.get('/api/rooms/:id/interview/rounds/:round/material', signedIn, roundParams, async (req, res) => {
    const { id, round } = params<InterviewRoundParams>(req);
    const material = await pane.material(signedInUser(req), id, round);
    // The candidate must never get it, not even from a shared cache.
    res.set('cache-control', 'no-store').json(material);
  });

  router.post(
    '/api/rooms/:id/interview/rounds/:round/hints/:index/release',
    signedIn,
    validate(hintReleaseParamsSchema, 'params'),
    async (req, res) => {
      const { id, round, index } = params<HintReleaseParams>(req);
      res.json(await pane.releaseHint(signedInUser(req), id, round, index));
    },
  );

  router.put(
    '/api/rooms/:id/interview/rounds/:round/notes',
    signedIn,
    roundParams,
    validate(putInterviewerNotesRequestSchema, 'body'),
    async (req, res) => {
      const { id, round } = params<InterviewRoundParams>(req);
      const { text } = req.body as PutInterviewerNotesRequest;
      res.set('cache-control', 'no-store').json(await pane.writeNotes(signedInUser(req), id, round, text));
    },
  );

  router.get('/api/rooms/:id/interview/hints', signedIn, validate(roomIdParamsSchema, 'params'), async (req, res) => {
    res.json(await pane.releasedHints(signedInUser(req), String(req.params.id)));
  });

  return router;
}
