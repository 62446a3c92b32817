'use client';

import type { QuestionsPage, TopicsResponse } from '@peerprep/contracts';
import { apiRequest } from '../../lib/api-client';
import { contract } from '../../lib/contracts';
import { filtersToApiQuery, questionsPageKey, type QuestionFilters } from '../../lib/questions/filters';
import { useApiResource } from './use-api-resource';

const TOPICS_KEY = 'topics';

/** One page of `GET /api/questions` for `filters` (public: no token needed); `initial` is the server's answer, if any. */
export function useQuestionsPage(filters: QuestionFilters, initial?: { key: string; data: QuestionsPage }) {
  const query = filtersToApiQuery(filters);
  return useApiResource(
    questionsPageKey(filters),
    (signal) => apiRequest('/questions', { schema: contract('questions', 'questionsPageSchema'), query, signal }),
    initial,
  );
}

/** `GET /api/topics`: every topic that has questions, with counts per difficulty. */
export function useTopics(initial?: TopicsResponse) {
  return useApiResource(
    TOPICS_KEY,
    (signal) => apiRequest('/topics', { schema: contract('questions', 'topicsResponseSchema'), signal }),
    initial ? { key: TOPICS_KEY, data: initial } : undefined,
  );
}
