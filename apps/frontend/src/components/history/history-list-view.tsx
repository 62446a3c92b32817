'use client';

import type { AttemptSummary } from '@peerprep/contracts';
import { buttonClass } from '../ui/button';
import { PageNav } from '../ui/page-nav';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { IntentLink } from '../intent-link';
import { useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
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
import { runSummaryLine, STATUS_TONES, TONE_TEXT } from '../../lib/runs/run-format';
import { attemptHref } from '../../lib/rooms/room-links';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { RequireAuth } from '../auth/require-auth';
import { useApiResource } from '../questions/use-api-resource';
import { DifficultyChip } from '../questions/difficulty-chip';
import { useCompactLayout } from '../use-compact-layout';
import { RetryAlert } from '../ui/retry-alert';
import { Tag } from '../ui/tag';
import { PracticeRuns } from './practice-runs';

/** "Accepted 12/12 · Java · 48 ms": the room's last Submit, in its verdict's colour; a dash without one. */
function LastSubmission({ attempt }: { attempt: AttemptSummary }) {
  const last = attempt.lastSubmission;
  if (!last) return <span className="text-muted">No submission</span>;
  return (
    <Text as="span" variant="body2" data-testid="last-submission" className={`font-semibold ${last.status ? TONE_TEXT[STATUS_TONES[last.status]] : ''}`}>
      {runSummaryLine(last)}
    </Text>
  );
}

/** "Mock interview · 2 rounds" beside a mock interview's question; pair practice has no tag. */
function SessionModeTag({ attempt }: { attempt: AttemptSummary }) {
  const label = sessionModeLabel(attempt.mode);
  return label ? <Tag>{label}</Tag> : null;
}

function AttemptRow({ attempt }: { attempt: AttemptSummary }) {
  return (
    <tr data-testid="history-row" data-attempt-id={attempt.id}>
      <th scope="row">
        <div className="flex flex-wrap items-center gap-2">
          <IntentLink href={attemptHref(attempt.id)} className="font-semibold text-primary no-underline hover:underline">
            {attempt.question.title}
          </IntentLink>
          <DifficultyChip difficulty={attempt.question.difficulty} />
          <SessionModeTag attempt={attempt} />
        </div>
      </th>
      <td>{attempt.partner.displayName}</td>
      <td>{LANGUAGE_LABELS[attempt.language]}</td>
      <td>
        <time dateTime={attempt.startedAt}>{formatAttemptDate(attempt.startedAt)}</time>
      </td>
      <td>
        <time dateTime={isoDuration(attempt.durationSeconds)}>{formatDuration(attempt.durationSeconds)}</time>
      </td>
      <td>
        <LastSubmission attempt={attempt} />
      </td>
    </tr>
  );
}

function AttemptTable({ attempts }: { attempts: readonly AttemptSummary[] }) {
  return (
    <Surface className="overflow-x-auto rounded-2xl">
      <table aria-label="Your attempts" data-testid="history-table" className="data-table">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Partner</th>
            <th scope="col">Language</th>
            <th scope="col">Date</th>
            <th scope="col">Duration</th>
            <th scope="col">Last submission</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => (
            <AttemptRow key={attempt.id} attempt={attempt} />
          ))}
        </tbody>
      </table>
    </Surface>
  );
}

/** On a phone: one card per attempt instead of a six-column table. */
function AttemptCards({ attempts }: { attempts: readonly AttemptSummary[] }) {
  return (
    <Surface className="rounded-2xl">
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
            <Text as="p" variant="body2" className="text-muted">
              With {attempt.partner.displayName} · {LANGUAGE_LABELS[attempt.language]}
            </Text>
            <Text as="p" variant="body2" className="text-muted">
              <time dateTime={attempt.startedAt}>{formatAttemptDate(attempt.startedAt)}</time> ·{' '}
              <time dateTime={isoDuration(attempt.durationSeconds)}>{formatDuration(attempt.durationSeconds)}</time>
            </Text>
            <Text as="p" variant="body2">
              <LastSubmission attempt={attempt} />
            </Text>
          </li>
        ))}
      </ul>
    </Surface>
  );
}

/**
 * The attempts, then `after` (the practice list) once they have loaded: drawn
 * earlier, it would be pushed down when the attempts replace their
 * placeholder (a layout shift).
 */
function HistoryContent({ after }: { after: ReactNode }) {
  const { request } = useAuth();
  const router = useRouter();
  const page = historyPageFromQuery(useSearchParams().get('page'));
  const history = useApiResource(`history:${page}`, (signal) => fetchHistoryPage(request, page, HISTORY_PAGE_SIZE, signal));
  const compact = useCompactLayout();

  let body;
  if (history.error) {
    body = <RetryAlert error={history.error} fallback="Your history could not be loaded." onRetry={history.reload} />;
  } else if (!history.data) {
    return <PageLoading label="Loading your history…" />;
  } else if (history.data.total === 0) {
    body = (
      <Surface className="flex flex-col items-start gap-3 rounded-2xl p-6" data-testid="history-empty">
        <Text as="p">No attempts yet. Your sessions appear here once they end.</Text>
        <IntentLink href="/match" className={buttonClass({ variant: 'contained' })}>
          Find a partner
        </IntentLink>
      </Surface>
    );
  } else {
    const pages = pageCount(history.data.total, history.data.pageSize);
    body = (
      <>
        {compact ? <AttemptCards attempts={history.data.items} /> : <AttemptTable attempts={history.data.items} />}
        {pages > 1 ? (
          <PageNav className="self-center" count={pages} page={Math.min(page, pages)} onChange={(next) => router.push(historyHref(next))} />
        ) : null}
      </>
    );
  }

  return (
    <>
      {body}
      {after}
    </>
  );
}

/** `/history`: the signed-in user's attempts, then their solo practice runs (the page renders its frame, on the server). */
export function HistoryListView() {
  return (
    <RequireAuth>
      <HistoryContent after={<PracticeRuns />} />
    </RequireAuth>
  );
}
