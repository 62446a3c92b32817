import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageLoading } from '../../components/auth/page-status';
import { HistoryListView } from '../../components/history/history-list-view';

export const metadata: Metadata = { title: 'History' };

export default function HistoryPage() {
  // The page number is in the URL query, which exists only per request.
  return (
    <Suspense fallback={<PageLoading label="Loading your history…" />}>
      <HistoryListView />
    </Suspense>
  );
}
