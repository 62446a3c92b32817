'use client';

import { Surface } from '../ui/surface';
import { useState } from 'react';
import { fetchSoloRuns } from '../../lib/runs/run-api';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { useApiResource } from '../questions/use-api-resource';
import { RunPanel } from '../runs/run-panel';
import { RunsPagination } from '../runs/runs-pagination';
import { RetryAlert } from '../ui/retry-alert';

export const PRACTICE_PAGE_SIZE = 10;

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
    body = <PageLoading label="Loading your practice runs…" />;
  } else {
    body = (
      <RunPanel
        title="Practice"
        latest={null}
        runs={runs.data.items}
        listLabel="Your practice runs"
        emptyText={
          runs.data.total === 0
            ? 'No practice runs yet. Open any question, write your code there and run it.'
            : 'Open a run to see its result.'
        }
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
