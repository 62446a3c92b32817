import { questionsPageSchema, topicsResponseSchema, type QuestionsPage, type TopicsResponse } from '@peerprep/contracts';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Text } from '../../components/ui/type';
import { QuestionBrowser } from '../../components/questions/question-browser';
import { PageLoading } from '../../components/auth/page-status';
import { filtersFromSearchParams, filtersToApiQuery, questionsPageKey } from '../../lib/questions/filters';
import { serverApiRequest } from '../../lib/server-api';

export const metadata: Metadata = { title: 'Questions' };

interface QuestionsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The query as URLSearchParams, repeated keys (`topics=a&topics=b`) kept. */
function toSearchParams(query: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, item);
  }
  return params;
}

/** An answer for the first paint, or none: the browser then asks itself, and says what failed with "Try again". */
async function orNothing<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch {
    return undefined;
  }
}

/**
 * The list is rendered on the server from the filters in the URL, so the first
 * paint holds the questions: a phone neither waits for a second round trip nor
 * loads zod and the contracts to check the answer. The browser takes over from
 * there (every filter change is a navigation it fetches itself).
 */
export default async function QuestionsPage({ searchParams }: QuestionsPageProps) {
  const filters = filtersFromSearchParams(toSearchParams(await searchParams));
  const [page, topics] = await Promise.all([
    orNothing<QuestionsPage>(serverApiRequest('/questions', { schema: questionsPageSchema, query: filtersToApiQuery(filters) })),
    orNothing<TopicsResponse>(serverApiRequest('/topics', { schema: topicsResponseSchema })),
  ]);
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:px-6">
      <Text variant="h1" className="text-3xl sm:text-4xl">
        Questions
      </Text>
      <Text as="p" className="mt-2 text-muted">
        Browse the question bank by difficulty and topic, or search for words in a title or statement.
      </Text>
      {/* useSearchParams needs a boundary; with the query read here the browser renders on the server in full. */}
      <Suspense
        fallback={
          <div className="min-h-screen">
            <PageLoading label="Loading questions…" />
          </div>
        }
      >
        <QuestionBrowser initialPage={page ? { key: questionsPageKey(filters), data: page } : undefined} initialTopics={topics} />
      </Suspense>
    </div>
  );
}
