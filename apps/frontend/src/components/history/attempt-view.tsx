'use client';

import type { AttemptDetail } from '@peerprep/contracts';
import { buttonClass } from '../ui/button';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { IntentLink } from '../intent-link';
import { fetchAttempt } from '../../lib/history/history-api';
import { fetchAttemptFeedback, fetchRoomFeedback } from '../../lib/feedback/feedback-api';
import { feedbackHref } from '../../lib/rooms/room-links';
import { fetchEntryPoint } from '../../lib/runs/run-api';
import { formatAttemptDate, formatDuration, isoDuration } from '../../lib/history/history-format';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { RequireAuth } from '../auth/require-auth';
import { LazyCodeEditor } from '../editor/lazy-code-editor';
import { DifficultyChip } from '../questions/difficulty-chip';
import { useApiResource } from '../questions/use-api-resource';
import { LoadFailure } from '../rooms/room-status-pages';
import { RecordedRuns } from '../runs/run-panel';
import { AttemptChat } from './attempt-chat';
import { AttemptRoundSection, type RoundFeedbackSource } from './attempt-round';

const ATTEMPT_FAILURE_COPY = {
  noun: 'attempt',
  forbidden: 'This attempt belongs to other users.',
  backHref: '/history',
  backLabel: 'Back to your history',
} as const;

/** Pair practice: one code, the chat beside it, the session's runs below. */
function PairAttempt({ attempt, selfId }: { attempt: AttemptDetail; selfId: string }) {
  const { request } = useAuth();
  // The attempt keeps the question's name, not its entry point: the question (if it still exists) names the arguments.
  const entryPoint = useApiResource(`entry-point:${attempt.question.id}`, (signal) =>
    attempt.runs.length > 0 ? fetchEntryPoint(request, attempt.question.id, signal) : Promise.resolve(null),
  );
  return (
    <>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="final-code-heading" className="flex flex-col gap-2">
          <Text id="final-code-heading" variant="h2" className="text-xl font-bold">
            Final code
          </Text>
          <Surface data-testid="attempt-code" data-language={attempt.language} className="h-[60vh] overflow-hidden rounded-2xl">
            <LazyCodeEditor language={attempt.language} value={attempt.finalCode} readOnly ariaLabel="Final code (read-only)" />
          </Surface>
        </section>
        <AttemptChat chat={attempt.chat} selfId={selfId} />
      </div>
      <Surface className="rounded-2xl p-4" data-testid="attempt-runs">
        <RecordedRuns runs={attempt.runs} selfId={selfId} paramNames={entryPoint.data?.params.map((param) => param.name) ?? []} />
      </Surface>
    </>
  );
}

/**
 * A mock interview: both rounds (each with its feedback), then the chat with
 * its round markers. The feedback comes from two answers: what you received
 * per round (`/history/:id/feedback`) and what you gave or still may give
 * (`/rooms/:id/feedback`).
 */
function InterviewAttempt({ attempt, selfId }: { attempt: AttemptDetail; selfId: string }) {
  const { request } = useAuth();
  const feedback = useApiResource(`attempt-feedback:${attempt.id}`, (signal) =>
    Promise.all([fetchAttemptFeedback(request, attempt.id, signal), fetchRoomFeedback(request, attempt.roomId, signal)]),
  );
  const rounds = attempt.rounds ?? [];
  const toRate = feedback.data?.[1].toRate ?? null;
  const sourceFor = (index: 1 | 2): RoundFeedbackSource => {
    if (feedback.error) return { status: 'failed' };
    if (!feedback.data) return { status: 'loading' };
    const [received, room] = feedback.data;
    return { status: 'loaded', round: received.rounds.find((round) => round.index === index) ?? null, given: room.given, toRate: room.toRate };
  };
  return (
    <>
      {toRate ? (
        <Surface className="flex flex-wrap items-center justify-between gap-3 rounded-2xl p-4" data-testid="feedback-to-give">
          <Text as="p">You have not rated {attempt.partner.displayName} yet.</Text>
          <IntentLink href={feedbackHref(attempt.roomId)} className={buttonClass({ variant: 'contained' })}>
            Rate your partner
          </IntentLink>
        </Surface>
      ) : null}
      {rounds.map((round) => (
        <AttemptRoundSection
          key={round.index}
          round={round}
          roomId={attempt.roomId}
          partnerName={attempt.partner.displayName}
          selfId={selfId}
          feedback={sourceFor(round.index)}
        />
      ))}
      <AttemptChat chat={attempt.chat} selfId={selfId} />
    </>
  );
}

function Attempt({ attempt, selfId }: { attempt: AttemptDetail; selfId: string }) {
  const interview = attempt.mode === 'interview' && (attempt.rounds?.length ?? 0) > 0;
  return (
    <article aria-labelledby="attempt-title" className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-10 sm:px-6">
      <div className="flex flex-col gap-2">
        <IntentLink href="/history" className="text-sm text-muted no-underline hover:text-primary hover:underline">
          ← All attempts
        </IntentLink>
        <div className="flex flex-wrap items-center gap-3">
          <Text id="attempt-title" variant="h1" className="text-3xl">
            {attempt.question.title}
          </Text>
          <DifficultyChip difficulty={attempt.question.difficulty} size="medium" />
        </div>
        <Text as="p" className="text-muted" data-testid="attempt-summary">
          {interview ? 'Mock interview · ' : null}With {attempt.partner.displayName} · {LANGUAGE_LABELS[attempt.language]} ·{' '}
          <time dateTime={attempt.startedAt}>{formatAttemptDate(attempt.startedAt)}</time> ·{' '}
          <time dateTime={isoDuration(attempt.durationSeconds)}>{formatDuration(attempt.durationSeconds)}</time>
        </Text>
      </div>
      {interview ? <InterviewAttempt attempt={attempt} selfId={selfId} /> : <PairAttempt attempt={attempt} selfId={selfId} />}
    </article>
  );
}

function AttemptLoader({ attemptId }: { attemptId: string }) {
  const { request, user } = useAuth();
  const attempt = useApiResource(`attempt:${attemptId}`, (signal) => fetchAttempt(request, attemptId, signal));
  if (attempt.error) return <LoadFailure error={attempt.error} copy={ATTEMPT_FAILURE_COPY} onRetry={attempt.reload} />;
  if (attempt.loading || !attempt.data || !user) return <PageLoading label="Loading the attempt…" />;
  return <Attempt attempt={attempt.data} selfId={user.id} />;
}

/** `/history/[id]`: one past attempt, read-only. */
export function AttemptView({ attemptId }: { attemptId: string }) {
  return (
    <RequireAuth>
      <AttemptLoader attemptId={attemptId} />
    </RequireAuth>
  );
}
