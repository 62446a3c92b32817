import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageLoading } from '../../components/auth/page-status';
import { HistoryListView } from '../../components/history/history-list-view';

export const metadata: Metadata = { title: 'History' };

export default async function HistoryPage({ searchParams }: PageProps<'/history'>) {
  // The page number is in the URL query. Awaiting it renders the page per
  // request, so the first HTML holds the page's frame, not a spinner.
  await searchParams;
  return (
    <Suspense fallback={<PageLoading label="Loading your history…" />}>
      <HistoryListView />
    </Suspense>
  );
}
