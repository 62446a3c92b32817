import type { Metadata } from 'next';
import { Suspense } from 'react';
import { QuestionBrowser } from '../../components/questions/question-browser';
import { PageLoading } from '../../components/auth/page-status';

export const metadata: Metadata = { title: 'Questions' };

export default function QuestionsPage() {
  // The browser reads its filters from the URL query, which exists only per request.
  return (
    <Suspense fallback={<PageLoading label="Loading questions…" />}>
      <QuestionBrowser />
    </Suspense>
  );
}
