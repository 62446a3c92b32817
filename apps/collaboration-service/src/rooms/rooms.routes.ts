import { requireAuth, signedInUser, type TokenVerifier } from '@peerprep/auth';
import {
  attemptIdParamsSchema,
  listHistoryQuerySchema,
  roomIdParamsSchema,
  ROOM_RUNS_LIMIT,
  type HistoryPage,
  type ListHistoryQuery,
} from '@peerprep/contracts';
import { ForbiddenError, NotFoundError, validate } from '@peerprep/service-kit';
import { Router } from 'express';
import type { HistoryRepository } from '../history/history.repository';
import type { RunsRepository } from '../runs/runs.repository';
import { toRunSummary, toRunView } from '../runs/run-views';
import { toAttemptDetail, toAttemptSummary } from './room-views';
import type { RoomsService } from './rooms.service';

export interface CollaborationRoutesDeps {
  roomsService: RoomsService;
  history: HistoryRepository;
  /** Each attempt shows its room's runs. */
  runs: Pick<RunsRepository, 'lastSubmissions' | 'listForRoom'>;
  verifier: TokenVerifier;
}

/** Rooms (participants only) and history (own attempts only). */
export function collaborationRoutes({ roomsService, history, runs, verifier }: CollaborationRoutesDeps): Router {
  const router = Router();
  const signedIn = requireAuth(verifier);

  router.get('/api/rooms/:id', signedIn, validate(roomIdParamsSchema, 'params'), async (req, res) => {
    res.json(await roomsService.getRoom(signedInUser(req), String(req.params.id)));
  });

  router.post('/api/rooms/:id/end', signedIn, validate(roomIdParamsSchema, 'params'), async (req, res) => {
    res.json(await roomsService.endRoom(signedInUser(req), String(req.params.id)));
  });

  router.get('/api/history', signedIn, validate(listHistoryQuerySchema, 'query'), async (req, res) => {
    const { page, pageSize } = req.query as unknown as ListHistoryQuery;
    const { items, total } = await history.listForUser(signedInUser(req).id, page, pageSize);
    const submissions = await runs.lastSubmissions(items.map((attempt) => attempt.roomId));
    const body: HistoryPage = {
      items: items.map((attempt) => {
        const submission = submissions.get(attempt.roomId);
        return toAttemptSummary(attempt, submission ? toRunSummary(submission) : null);
      }),
      total,
      page,
      pageSize,
    };
    res.json(body);
  });

  router.get('/api/history/:id', signedIn, validate(attemptIdParamsSchema, 'params'), async (req, res) => {
    const attempt = await history.findById(String(req.params.id));
    if (!attempt) throw new NotFoundError('No such attempt');
    if (attempt.userId !== signedInUser(req).id) throw new ForbiddenError('Only your own attempts can be opened');
    const roomRuns = (await runs.listForRoom(attempt.roomId, ROOM_RUNS_LIMIT)).map(toRunView);
    res.json(toAttemptDetail(attempt, roomRuns));
  });

  return router;
}
