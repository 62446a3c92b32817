import type { InterviewerNotes, InterviewerPane, InterviewView, ReleasedHint, RoomInterviewResponse, RoundIndex } from '@peerprep/contracts';
import type { ClockSample } from '@peerprep/contracts/clock';
import type { SessionStore } from '../auth/session-store';
import { contract } from '../contracts';

type AuthorizedRequest = SessionStore['request'];

const interviewPath = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}/interview`;

/**
 * `GET /rooms/:id/interview`, with the times the request left and its answer
 * arrived in this client's clock: with the answer's `serverNow` they are one
 * sample of the offset to the server's clock (`@peerprep/contracts/clock`).
 */
export async function fetchInterview(
  request: AuthorizedRequest,
  roomId: string,
  signal?: AbortSignal,
): Promise<{ view: RoomInterviewResponse; sample: ClockSample }> {
  const sentAt = Date.now();
  const view = await request(interviewPath(roomId), { schema: contract('interview', 'roomInterviewResponseSchema'), signal });
  // The answer's arrival, not its parsing: the schema loads on the first answer, which must not count as network time.
  return { view, sample: { sentAt, receivedAt: Date.now(), serverNow: view.serverNow } };
}

/** `POST /rooms/:id/interview/rounds/:round/end` (the round's interviewer): the view after it. */
export function endInterviewRound(request: AuthorizedRequest, roomId: string, round: RoundIndex): Promise<InterviewView> {
  return request(`${interviewPath(roomId)}/rounds/${round}/end`, { method: 'POST', schema: contract('interview', 'interviewViewSchema') });
}

/** `GET /rooms/:id/interview/hints` (both participants): every released hint. */
export async function fetchReleasedHints(request: AuthorizedRequest, roomId: string, signal?: AbortSignal): Promise<ReleasedHint[]> {
  const { items } = await request(`${interviewPath(roomId)}/hints`, { schema: contract('interviewer-pane', 'releasedHintsSchema'), signal });
  return items;
}

/** `GET /rooms/:id/interview/rounds/:round/material`: the round's interviewer only (403 for the candidate). */
export function fetchInterviewerMaterial(request: AuthorizedRequest, roomId: string, round: RoundIndex, signal?: AbortSignal): Promise<InterviewerPane> {
  return request(`${interviewPath(roomId)}/rounds/${round}/material`, { schema: contract('interviewer-pane', 'interviewerPaneSchema'), signal });
}

/** `POST /rooms/:id/interview/rounds/:round/hints/:index/release`: both peers get it (message 104). */
export function releaseHint(request: AuthorizedRequest, roomId: string, round: RoundIndex, index: number): Promise<ReleasedHint> {
  return request(`${interviewPath(roomId)}/rounds/${round}/hints/${index}/release`, { method: 'POST', schema: contract('interviewer-pane', 'releasedHintSchema') });
}

/** `PUT /rooms/:id/interview/rounds/:round/notes`: replaces the interviewer's private notes on the round. */
export function saveInterviewerNotes(request: AuthorizedRequest, roomId: string, round: RoundIndex, text: string): Promise<InterviewerNotes> {
  return request(`${interviewPath(roomId)}/rounds/${round}/notes`, { method: 'PUT', body: { text }, schema: contract('interviewer-pane', 'interviewerNotesSchema') });
}
