import { requireAuth, signedInUser, type TokenVerifier } from '@peerprep/auth';
import {
  createRoomRunRequestSchema,
  createSoloRunRequestSchema,
  listRunsQuerySchema,
  roomIdParamsSchema,
  runIdParamsSchema,
  type CreateRoomRunRequest,
  type CreateSoloRunRequest,
  type ListRunsQuery,
  type RoomRunsResponse,
} from '@peerprep/contracts';
import { validate } from '@peerprep/service-kit';
import { Router, type Request } from 'express';
import type { RunsService } from './runs.service';

/** The request id (pino-http's), carried on the job and its events for tracing. */
const correlationId = (req: Request): string | undefined => (req.id === undefined ? undefined : String(req.id));

/** Runs in rooms (participants only) and alone (own runs only). New runs answer 202: they run from a queue. */
export function runsRoutes({ runsService, verifier }: { runsService: RunsService; verifier: TokenVerifier }): Router {
  const router = Router();
  const signedIn = requireAuth(verifier);

  router.post(
    '/api/rooms/:id/runs',
    signedIn,
    validate(roomIdParamsSchema, 'params'),
    validate(createRoomRunRequestSchema, 'body'),
    async (req, res) => {
      const body = req.body as CreateRoomRunRequest;
      res.status(202).json(await runsService.createRoomRun(signedInUser(req), String(req.params.id), body, correlationId(req)));
    },
  );

  router.get('/api/rooms/:id/runs', signedIn, validate(roomIdParamsSchema, 'params'), async (req, res) => {
    const body: RoomRunsResponse = { items: await runsService.listRoomRuns(signedInUser(req), String(req.params.id)) };
    res.json(body);
  });

  router.post('/api/runs', signedIn, validate(createSoloRunRequestSchema, 'body'), async (req, res) => {
    const body = req.body as CreateSoloRunRequest;
    res.status(202).json(await runsService.createSoloRun(signedInUser(req), body, correlationId(req)));
  });

  router.get('/api/runs', signedIn, validate(listRunsQuerySchema, 'query'), async (req, res) => {
    res.json(await runsService.listOwnRuns(signedInUser(req), req.query as unknown as ListRunsQuery));
  });

  router.get('/api/runs/:id', signedIn, validate(runIdParamsSchema, 'params'), async (req, res) => {
    res.json(await runsService.getRun(signedInUser(req), String(req.params.id)));
  });

  return router;
}
