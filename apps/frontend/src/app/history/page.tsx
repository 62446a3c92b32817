import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AccountPage } from '../../components/account/account-page';
import { PageLoading } from '../../components/auth/page-status';
import { HistoryListView } from '../../components/history/history-list-view';

export const metadata: Metadata = { title: 'History' };

export default function HistoryPage() {
  // The page number is in the URL query, which exists only per request: the
  // prerendered page holds the frame, in the first paint, and the list loads
  // under it (see ProfileView for the frame outside the session check).
  return (
    <AccountPage
      title="History"
      intro="Every session you have had, newest first: the question, your partner, the language and how it went. Open one to read the code you wrote together, the chat and your runs."
      wide
    >
      <Suspense fallback={<PageLoading label="Loading your history…" />}>
        <HistoryListView />
      </Suspense>
    </AccountPage>
  );
}
