import type { CreateRoomRunRequest, CreateSoloRunRequest, EntryPoint, RunDetail, RunsPage, RunView } from '@peerprep/contracts';
import type { SessionStore } from '../auth/session-store';
import { contract } from '../contracts';

type AuthorizedRequest = SessionStore['request'];

/** `POST /rooms/:id/runs` (202): runs the room's live code and language, as the server reads them. */
export function createRoomRun(request: AuthorizedRequest, roomId: string, body: CreateRoomRunRequest): Promise<RunView> {
  return request(`/rooms/${encodeURIComponent(roomId)}/runs`, { method: 'POST', body, schema: contract('runs', 'runViewSchema') });
}

/** `GET /rooms/:id/runs`: the room's recent runs, newest first. */
export async function fetchRoomRuns(request: AuthorizedRequest, roomId: string, signal?: AbortSignal): Promise<RunView[]> {
  const { items } = await request(`/rooms/${encodeURIComponent(roomId)}/runs`, { schema: contract('runs', 'roomRunsResponseSchema'), signal });
  return items;
}

/** `POST /runs` (202): a solo run on a question's page. */
export function createSoloRun(request: AuthorizedRequest, body: CreateSoloRunRequest, signal?: AbortSignal): Promise<RunView> {
  return request('/runs', { method: 'POST', body, schema: contract('runs', 'runViewSchema'), signal });
}

/** `GET /runs/:id`: one of the caller's solo runs, with its code. */
export function fetchRun(request: AuthorizedRequest, runId: string, signal?: AbortSignal): Promise<RunDetail> {
  return request(`/runs/${encodeURIComponent(runId)}`, { schema: contract('runs', 'runDetailSchema'), signal });
}

/** `GET /runs`: the caller's solo runs (of one question, when given), newest first. */
export function fetchSoloRuns(
  request: AuthorizedRequest,
  { questionId, page, pageSize }: { questionId?: string; page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<RunsPage> {
  return request('/runs', { schema: contract('runs', 'runsPageSchema'), query: { questionId, page, pageSize }, signal });
}

/**
 * A question's entry point, to name the arguments of runs kept without it
 * (history). Null when the question is gone: the arguments are then numbered.
 */
export async function fetchEntryPoint(request: AuthorizedRequest, questionId: string, signal?: AbortSignal): Promise<EntryPoint | null> {
  try {
    return (await request(`/questions/${encodeURIComponent(questionId)}`, { schema: contract('questions', 'questionSchema'), signal })).entryPoint;
  } catch (error) {
    if (signal?.aborted) throw error;
    return null;
  }
}
