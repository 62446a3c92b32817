import { requireAuth, signedInUser, type TokenVerifier } from '@peerprep/auth';
import { roomIdParamsSchema } from '@peerprep/contracts';
import { ConflictError, validate } from '@peerprep/service-kit';
import { Router } from 'express';
import type { RoomsService } from '../rooms/rooms.service';
import { iceServersFor, type TurnSettings } from './ice-servers';

export interface CallsRoutesDeps {
  roomsService: Pick<RoomsService, 'participantRoom'>;
  turn: TurnSettings;
  verifier: TokenVerifier;
}

/**
 * The room's voice/video call. Its signalling rides the editor socket
 * (ROOM_CALL_SIGNAL_MESSAGE_TYPE); this route hands out its ICE servers.
 */
export function callsRoutes({ roomsService, turn, verifier }: CallsRoutesDeps): Router {
  const router = Router();

  router.get('/api/rooms/:id/ice-servers', requireAuth(verifier), validate(roomIdParamsSchema, 'params'), async (req, res) => {
    const user = signedInUser(req);
    // 404 unknown, 403 not a participant.
    const room = await roomsService.participantRoom(user, String(req.params.id));
    // The call ends with the session: no credential for a closed room.
    if (room.status !== 'OPEN') throw new ConflictError('The session has ended', [{ field: 'id', message: 'This room is closed' }]);
    // Credentials are per user and short-lived: never cached by a browser or a proxy.
    res.set('cache-control', 'no-store').json(iceServersFor(turn, user.id));
  });

  return router;
}
