import { iceServersViewSchema, roomViewSchema, type IceServersView, type RoomView } from '@peerprep/contracts';
import type { SessionStore } from '../auth/session-store';

type AuthorizedRequest = SessionStore['request'];

/** `GET /rooms/:id`: participants only (403 otherwise, 404 unknown). */
export function fetchRoom(request: AuthorizedRequest, roomId: string, signal?: AbortSignal): Promise<RoomView> {
  return request(`/rooms/${encodeURIComponent(roomId)}`, { schema: roomViewSchema, signal });
}

/** `POST /rooms/:id/end`: closes the room for both (409 when it already was). */
export function endRoom(request: AuthorizedRequest, roomId: string): Promise<RoomView> {
  return request(`/rooms/${encodeURIComponent(roomId)}/end`, { method: 'POST', schema: roomViewSchema });
}

/** `GET /rooms/:id/ice-servers`: the call's ICE servers with fresh TURN credentials (409 once the session ended). */
export function fetchIceServers(request: AuthorizedRequest, roomId: string): Promise<IceServersView> {
  return request(`/rooms/${encodeURIComponent(roomId)}/ice-servers`, { schema: iceServersViewSchema });
}
