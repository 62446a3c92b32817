import { requireAuth, signedInUser, type TokenVerifier } from '@peerprep/auth';
import { attemptIdParamsSchema, listHistoryQuerySchema, roomIdParamsSchema, type HistoryPage, type ListHistoryQuery } from '@peerprep/contracts';
import { ForbiddenError, NotFoundError, validate } from '@peerprep/service-kit';
import { Router } from 'express';
import type { HistoryRepository } from '../history/history.repository';
import { toAttemptDetail, toAttemptSummary } from './room-views';
import type { RoomsService } from './rooms.service';

export interface CollaborationRoutesDeps {
  roomsService: RoomsService;
  history: HistoryRepository;
  verifier: TokenVerifier;
}

/** Rooms (participants only) and history (own attempts only). */
export function collaborationRoutes({ roomsService, history, verifier }: CollaborationRoutesDeps): Router {
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
    const body: HistoryPage = { items: items.map(toAttemptSummary), total, page, pageSize };
    res.json(body);
  });

  router.get('/api/history/:id', signedIn, validate(attemptIdParamsSchema, 'params'), async (req, res) => {
    const attempt = await history.findById(String(req.params.id));
    if (!attempt) throw new NotFoundError('No such attempt');
    if (attempt.userId !== signedInUser(req).id) throw new ForbiddenError('Only your own attempts can be opened');
    res.json(toAttemptDetail(attempt));
  });

  return router;
}
