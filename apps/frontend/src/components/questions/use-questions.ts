'use client';

import { apiRequest } from '../../lib/api-client';
import { contract } from '../../lib/contracts';
import { filtersToApiQuery, type QuestionFilters } from '../../lib/questions/filters';
import { useApiResource } from './use-api-resource';

/** One page of `GET /api/questions` for `filters` (public: no token needed). */
export function useQuestionsPage(filters: QuestionFilters) {
  const query = filtersToApiQuery(filters);
  return useApiResource(JSON.stringify(query), (signal) => apiRequest('/questions', { schema: contract('questionsPageSchema'), query, signal }));
}

/** `GET /api/topics`: every topic that has questions, with counts per difficulty. */
export function useTopics() {
  return useApiResource('topics', (signal) => apiRequest('/topics', { schema: contract('topicsResponseSchema'), signal }));
}
