import { roomViewSchema, type RoomView } from '@peerprep/contracts';
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
