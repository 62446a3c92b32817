'use client';

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Pagination from '@mui/material/Pagination';
import Paper from '@mui/material/Paper';
import { useState } from 'react';
import { describeFailure } from '../../lib/form-errors';
import { pageCount } from '../../lib/history/history-format';
import { fetchSoloRuns } from '../../lib/runs/run-api';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { useApiResource } from '../questions/use-api-resource';
import { RunPanel } from '../runs/run-panel';

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
    body = (
      <Alert
        severity="error"
        role="alert"
        action={
          <Button color="inherit" size="small" onClick={runs.reload}>
            Try again
          </Button>
        }
      >
        {describeFailure(runs.error, { fields: [] }).message ?? 'Your practice runs could not be loaded.'}
      </Alert>
    );
  } else if (!runs.data) {
    body = <PageLoading label="Loading your practice runs…" />;
  } else {
    const pages = pageCount(runs.data.total, runs.data.pageSize);
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
        listFooter={
          pages > 1 ? (
            <Pagination
              className="self-center"
              count={pages}
              page={Math.min(page, pages)}
              onChange={(_event, next) => setPage(next)}
              color="primary"
              shape="rounded"
              size="small"
              getItemAriaLabel={(type, item, selected) =>
                type === 'page' ? `${selected ? 'Practice page' : 'Go to practice page'} ${item}` : `Go to ${type} page of practice runs`
              }
            />
          ) : null
        }
      />
    );
  }

  return (
    <Paper variant="outlined" className="rounded-2xl p-4" data-testid="practice-runs">
      {body}
    </Paper>
  );
}
