'use client';

import { questionsPageSchema, topicsResponseSchema } from '@peerprep/contracts';
import { apiRequest } from '../../lib/api-client';
import { filtersToApiQuery, type QuestionFilters } from '../../lib/questions/filters';
import { useApiResource } from './use-api-resource';

/** One page of `GET /api/questions` for `filters` (public: no token needed). */
export function useQuestionsPage(filters: QuestionFilters) {
  const query = filtersToApiQuery(filters);
  return useApiResource(JSON.stringify(query), (signal) => apiRequest('/questions', { schema: questionsPageSchema, query, signal }));
}

/** `GET /api/topics`: every topic that has questions, with counts per difficulty. */
export function useTopics() {
  return useApiResource('topics', (signal) => apiRequest('/topics', { schema: topicsResponseSchema, signal }));
}
