import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Text } from '../../components/ui/type';
import { QuestionBrowser } from '../../components/questions/question-browser';
import { PageLoading } from '../../components/auth/page-status';

export const metadata: Metadata = { title: 'Questions' };

export default function QuestionsPage() {
  // The browser reads its filters from the URL query, which exists only per
  // request, so the prerendered page holds only what does not depend on it:
  // the heading and intro are in the first paint, and the placeholder is tall
  // enough to keep the footer out of view until the list replaces it.
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:px-6">
      <Text variant="h1" className="text-3xl sm:text-4xl">
        Questions
      </Text>
      <Text as="p" className="mt-2 text-muted">
        Browse the question bank by difficulty and topic, or search for words in a title or statement.
      </Text>
      <Suspense
        fallback={
          <div className="min-h-screen">
            <PageLoading label="Loading questions…" />
          </div>
        }
      >
        <QuestionBrowser />
      </Suspense>
    </div>
  );
}
