import { DIFFICULTIES } from '@peerprep/contracts/constants';
import type { Difficulty, MatchCriteria, MatchRequestView, TopicsResponse } from '@peerprep/contracts';
import { apiRequest, ApiError } from '../api-client';
import type { SessionStore } from '../auth/session-store';
import { contract, noContent, optionalContract } from '../contracts';

type AuthorizedRequest = SessionStore['request'];

export function createMatchRequest(request: AuthorizedRequest, criteria: MatchCriteria): Promise<MatchRequestView> {
  return request('/match/requests', { method: 'POST', body: criteria, schema: contract('matching', 'matchRequestViewSchema') });
}

/** The waiting or matched request, or null when there is none (the API answers 204). */
export async function fetchCurrentMatchRequest(request: AuthorizedRequest, signal?: AbortSignal): Promise<MatchRequestView | null> {
  try {
    return (await request('/match/requests/current', { schema: optionalContract('matching', 'matchRequestViewSchema'), signal })) ?? null;
  } catch (error) {
    // A matching-service from before the 204 answered 404 (during a rolling deploy).
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Cancels the current request; one that already ended (404) counts as cancelled. */
export async function cancelMatchRequest(request: AuthorizedRequest): Promise<void> {
  try {
    await request('/match/requests/current', { method: 'DELETE', schema: noContent });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return;
    throw error;
  }
}

export function fetchTopics(signal?: AbortSignal): Promise<TopicsResponse> {
  return apiRequest('/topics', { schema: contract('questions', 'topicsResponseSchema'), signal });
}

/**
 * Questions per difficulty among `topics` (any of them; every topic when
 * empty). Exact, unlike a sum of per-topic counts, which counts a question
 * tagged with two chosen topics twice.
 */
export async function fetchDifficultyCounts(topics: readonly string[], signal?: AbortSignal): Promise<Record<Difficulty, number>> {
  const totals = await Promise.all(
    DIFFICULTIES.map((difficulty) =>
      apiRequest('/questions', { schema: contract('questions', 'questionsPageSchema'), query: { difficulty, topics, pageSize: 1 }, signal }).then((page) => page.total),
    ),
  );
  return { EASY: totals[0] ?? 0, MEDIUM: totals[1] ?? 0, HARD: totals[2] ?? 0 };
}
