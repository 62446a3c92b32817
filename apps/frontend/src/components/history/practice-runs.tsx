'use client';

import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { fetchSoloRuns } from '../../lib/runs/run-api';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { useApiResource } from '../questions/use-api-resource';
import { RunsPagination } from '../runs/runs-pagination';
import { RetryAlert } from '../ui/retry-alert';

export const PRACTICE_PAGE_SIZE = 10;

const TITLE = 'Practice';
const practiceLoading = () => <PageLoading label="Loading your practice runs…" />;
// The panel draws with MUI (a verdict's chip, a spinner), which the rest of the page does not load.
const RunPanel = dynamic(() => import('../runs/run-panel').then((module) => module.RunPanel), { ssr: false, loading: practiceLoading });

/** No runs yet: what the panel would say, without loading it (and MUI) for that. */
function NoPracticeRuns() {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3" data-testid="run-panel">
      <Text id={headingId} variant="h6" as="h2" className="font-bold">
        {TITLE}
      </Text>
      <div role="status" className="flex min-h-6 items-center" data-testid="run-status" data-phase="none">
        <Text as="span" variant="body2" className="text-muted">
          No practice runs yet. Open any question, write your code there and run it.
        </Text>
      </div>
    </section>
  );
}

/**
 * The history page's practice list: the student's solo runs of every
 * question (`GET /runs`), newest first, each opening its result; the
 * question links back to its page, where the code can be run again.
 */
export function PracticeRuns() {
  const { request, user } = useAuth();
  const [page, setPage] = useState(1);
  const runs = useApiResource(`practice-runs:${page}`, (signal) => fetchSoloRuns(request, { page, pageSize: PRACTICE_PAGE_SIZE }, signal));

  let body;
  if (runs.error) {
    body = <RetryAlert error={runs.error} fallback="Your practice runs could not be loaded." onRetry={runs.reload} />;
  } else if (!runs.data) {
    body = practiceLoading();
  } else if (runs.data.total === 0) {
    body = <NoPracticeRuns />;
  } else {
    body = (
      <RunPanel
        title={TITLE}
        latest={null}
        runs={runs.data.items}
        listLabel="Your practice runs"
        emptyText="Open a run to see its result."
        selfId={user?.id ?? null}
        paramNames={[]}
        showQuestion
        listFooter={<RunsPagination page={page} total={runs.data.total} pageSize={runs.data.pageSize} noun="practice runs" onChange={setPage} />}
      />
    );
  }

  return (
    <Surface className="rounded-2xl p-4" data-testid="practice-runs">
      {body}
    </Surface>
  );
}
