'use client';

import type { AttemptSummary } from '@peerprep/contracts';
import Button from '@mui/material/Button';
import Pagination from '@mui/material/Pagination';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { IntentLink } from '../intent-link';
import { useRouter, useSearchParams } from 'next/navigation';
import { fetchHistoryPage } from '../../lib/history/history-api';
import {
  formatAttemptDate,
  formatDuration,
  HISTORY_PAGE_SIZE,
  historyHref,
  historyPageFromQuery,
  isoDuration,
  pageCount,
} from '../../lib/history/history-format';
import { sessionModeLabel } from '../../lib/history/attempt-rounds';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';
import { runSummaryLine, STATUS_TONES } from '../../lib/runs/run-format';
import { attemptHref } from '../../lib/rooms/room-links';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { RequireAuth } from '../auth/require-auth';
import { useApiResource } from '../questions/use-api-resource';
import { DifficultyChip } from '../questions/difficulty-chip';
import { useCompactLayout } from '../use-compact-layout';
import { toneColor } from '../runs/run-result';
import { RetryAlert } from '../ui/retry-alert';
import { Tag } from '../ui/tag';
import { PracticeRuns } from './practice-runs';

/** "Accepted 12/12 · Java · 48 ms": the room's last Submit, in its verdict's colour; a dash without one. */
function LastSubmission({ attempt }: { attempt: AttemptSummary }) {
  const last = attempt.lastSubmission;
  if (!last) return <span className="text-muted">No submission</span>;
  return (
    <Typography component="span" variant="body2" data-testid="last-submission" sx={{ color: last.status ? toneColor(STATUS_TONES[last.status]) : undefined }} className="font-semibold">
      {runSummaryLine(last)}
    </Typography>
  );
}

/** "Mock interview · 2 rounds" beside a mock interview's question; pair practice has no tag. */
function SessionModeTag({ attempt }: { attempt: AttemptSummary }) {
  const label = sessionModeLabel(attempt.mode);
  return label ? <Tag>{label}</Tag> : null;
}

function AttemptRow({ attempt }: { attempt: AttemptSummary }) {
  return (
    <TableRow hover data-testid="history-row" data-attempt-id={attempt.id}>
      <TableCell component="th" scope="row">
        <div className="flex flex-wrap items-center gap-2">
          <IntentLink href={attemptHref(attempt.id)} className="font-semibold text-primary no-underline hover:underline">
            {attempt.question.title}
          </IntentLink>
          <DifficultyChip difficulty={attempt.question.difficulty} />
          <SessionModeTag attempt={attempt} />
        </div>
      </TableCell>
      <TableCell>{attempt.partner.displayName}</TableCell>
      <TableCell>{LANGUAGE_LABELS[attempt.language]}</TableCell>
      <TableCell>
        <time dateTime={attempt.startedAt}>{formatAttemptDate(attempt.startedAt)}</time>
      </TableCell>
      <TableCell>
        <time dateTime={isoDuration(attempt.durationSeconds)}>{formatDuration(attempt.durationSeconds)}</time>
      </TableCell>
      <TableCell>
        <LastSubmission attempt={attempt} />
      </TableCell>
    </TableRow>
  );
}

function AttemptTable({ attempts }: { attempts: readonly AttemptSummary[] }) {
  return (
    <TableContainer component={Paper} variant="outlined" className="rounded-2xl">
      <Table aria-label="Your attempts" data-testid="history-table">
        <TableHead>
          <TableRow>
            <TableCell>Question</TableCell>
            <TableCell>Partner</TableCell>
            <TableCell>Language</TableCell>
            <TableCell>Date</TableCell>
            <TableCell>Duration</TableCell>
            <TableCell>Last submission</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {attempts.map((attempt) => (
            <AttemptRow key={attempt.id} attempt={attempt} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** On a phone: one card per attempt instead of a six-column table. */
function AttemptCards({ attempts }: { attempts: readonly AttemptSummary[] }) {
  return (
    <Paper variant="outlined" className="rounded-2xl">
      <ul aria-label="Your attempts" data-testid="history-table" className="m-0 list-none divide-y divide-divider p-0">
        {attempts.map((attempt) => (
          <li key={attempt.id} data-testid="history-row" data-attempt-id={attempt.id} className="flex flex-col gap-1.5 px-4 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <IntentLink href={attemptHref(attempt.id)} className="font-semibold text-primary no-underline hover:underline">
                {attempt.question.title}
              </IntentLink>
              <DifficultyChip difficulty={attempt.question.difficulty} />
              <SessionModeTag attempt={attempt} />
            </div>
            <Typography component="p" variant="body2" className="text-muted">
              With {attempt.partner.displayName} · {LANGUAGE_LABELS[attempt.language]}
            </Typography>
            <Typography component="p" variant="body2" className="text-muted">
              <time dateTime={attempt.startedAt}>{formatAttemptDate(attempt.startedAt)}</time> ·{' '}
              <time dateTime={isoDuration(attempt.durationSeconds)}>{formatDuration(attempt.durationSeconds)}</time>
            </Typography>
            <Typography component="p" variant="body2">
              <LastSubmission attempt={attempt} />
            </Typography>
          </li>
        ))}
      </ul>
    </Paper>
  );
}

function HistoryContent() {
  const { request } = useAuth();
  const router = useRouter();
  const page = historyPageFromQuery(useSearchParams().get('page'));
  const history = useApiResource(`history:${page}`, (signal) => fetchHistoryPage(request, page, HISTORY_PAGE_SIZE, signal));
  const compact = useCompactLayout();

  let body;
  if (history.error) {
    body = <RetryAlert error={history.error} fallback="Your history could not be loaded." onRetry={history.reload} />;
  } else if (!history.data) {
    body = <PageLoading label="Loading your history…" />;
  } else if (history.data.total === 0) {
    body = (
      <Paper variant="outlined" className="flex flex-col items-start gap-3 rounded-2xl p-6" data-testid="history-empty">
        <Typography component="p">No attempts yet. Your sessions appear here once they end.</Typography>
        <Button component={IntentLink} href="/match" variant="contained">
          Find a partner
        </Button>
      </Paper>
    );
  } else {
    const pages = pageCount(history.data.total, history.data.pageSize);
    body = (
      <>
        {compact ? <AttemptCards attempts={history.data.items} /> : <AttemptTable attempts={history.data.items} />}
        {pages > 1 ? (
          <Pagination
            className="self-center"
            count={pages}
            page={Math.min(page, pages)}
            onChange={(_event, next) => router.push(historyHref(next))}
            color="primary"
            shape="rounded"
            getItemAriaLabel={(type, item, selected) => (type === 'page' ? `${selected ? 'Page' : 'Go to page'} ${item}` : `Go to ${type} page`)}
          />
        ) : null}
      </>
    );
  }

  return body;
}

/** `/history`: the signed-in user's attempts, then their solo practice runs (the page renders its frame, on the server). */
export function HistoryListView() {
  return (
    <RequireAuth>
      <HistoryContent />
      <PracticeRuns />
    </RequireAuth>
  );
}
