import type { AttemptDetail, HistoryPage } from '@peerprep/contracts';
import type { SessionStore } from '../auth/session-store';
import { contract } from '../contracts';

type AuthorizedRequest = SessionStore['request'];

/** `GET /history`: the user's own attempts, newest first. */
export function fetchHistoryPage(request: AuthorizedRequest, page: number, pageSize: number, signal?: AbortSignal): Promise<HistoryPage> {
  return request('/history', { schema: contract('history', 'historyPageSchema'), query: { page, pageSize }, signal });
}

/** `GET /history/:id`: one attempt with its final code and chat (403/404 otherwise). */
export function fetchAttempt(request: AuthorizedRequest, attemptId: string, signal?: AbortSignal): Promise<AttemptDetail> {
  return request(`/history/${encodeURIComponent(attemptId)}`, { schema: contract('history', 'attemptDetailSchema'), signal });
}
