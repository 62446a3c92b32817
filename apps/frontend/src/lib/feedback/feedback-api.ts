import type { AttemptFeedback, FeedbackSummary, FeedbackView, PeerBlockView, RoomFeedback, RoomView, SubmitFeedbackRequest } from '@peerprep/contracts';
import type { SessionStore } from '../auth/session-store';
import { contract } from '../contracts';

type AuthorizedRequest = SessionStore['request'];

const roomPath = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}`;

/**
 * `GET /rooms/:id` with the schema loaded on first use (lib/rooms/room-api
 * imports it statically, which would put zod in this page's first load).
 */
export function fetchFeedbackRoom(request: AuthorizedRequest, roomId: string, signal?: AbortSignal): Promise<RoomView> {
  return request(roomPath(roomId), { schema: contract('rooms', 'roomViewSchema'), signal });
}

/** `GET /rooms/:id/feedback`: what you gave, what you received once visible, and what is left to rate. */
export function fetchRoomFeedback(request: AuthorizedRequest, roomId: string, signal?: AbortSignal): Promise<RoomFeedback> {
  return request(`${roomPath(roomId)}/feedback`, { schema: contract('feedback', 'roomFeedbackSchema'), signal });
}

/** `POST /rooms/:id/feedback`: 400 naming `scores.<id>` or `comment`, 409 while the session runs or once given. */
export function submitFeedback(request: AuthorizedRequest, roomId: string, body: SubmitFeedbackRequest): Promise<FeedbackView> {
  return request(`${roomPath(roomId)}/feedback`, { method: 'POST', body, schema: contract('feedback', 'feedbackViewSchema') });
}

/** `POST /rooms/:id/block`: idempotent, so pressing it twice answers the first block. */
export function blockPartner(request: AuthorizedRequest, roomId: string): Promise<PeerBlockView> {
  return request(`${roomPath(roomId)}/block`, { method: 'POST', schema: contract('feedback', 'peerBlockViewSchema') });
}

/** `GET /history/:id/feedback`: per round of an attempt, your role and the feedback you received as its candidate. */
export function fetchAttemptFeedback(request: AuthorizedRequest, attemptId: string, signal?: AbortSignal): Promise<AttemptFeedback> {
  return request(`/history/${encodeURIComponent(attemptId)}/feedback`, { schema: contract('feedback', 'attemptFeedbackSchema'), signal });
}

/** `GET /feedback/summary`: averages per rubric criterion and one point per rated round. */
export function fetchFeedbackSummary(request: AuthorizedRequest, signal?: AbortSignal): Promise<FeedbackSummary> {
  return request('/feedback/summary', { schema: contract('feedback', 'feedbackSummarySchema'), signal });
}
