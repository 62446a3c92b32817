import type { Metadata } from 'next';
import { Suspense } from 'react';
import { QuestionBrowser } from '../../components/questions/question-browser';
import { PageLoading } from '../../components/auth/page-status';

export const metadata: Metadata = { title: 'Questions' };

export default async function QuestionsPage({ searchParams }: PageProps<'/questions'>) {
  // The browser reads its filters from the URL query. Awaiting it here renders
  // the page per request, so the first HTML already holds the heading, the
  // filters and the placeholder rows (no spinner swapped for the page once the
  // JavaScript runs, pushing the footer down); the list itself still loads in
  // the browser.
  await searchParams;
  return (
    <Suspense fallback={<PageLoading label="Loading questions…" />}>
      <QuestionBrowser />
    </Suspense>
  );
}
