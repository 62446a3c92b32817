'use client';

import type { AttemptDetail } from '@peerprep/contracts';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { IntentLink } from '../intent-link';
import { fetchAttempt } from '../../lib/history/history-api';
import { fetchEntryPoint } from '../../lib/runs/run-api';
import { formatAttemptDate, formatDuration, isoDuration } from '../../lib/history/history-format';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';
import { formatChatTime } from '../../lib/rooms/chat';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { RequireAuth } from '../auth/require-auth';
import { LazyCodeEditor } from '../editor/lazy-code-editor';
import { DifficultyChip } from '../questions/difficulty-chip';
import { useApiResource } from '../questions/use-api-resource';
import { LoadFailure } from '../rooms/room-status-pages';
import { RecordedRuns } from '../runs/run-panel';

const ATTEMPT_FAILURE_COPY = {
  noun: 'attempt',
  forbidden: 'This attempt belongs to other users.',
  backHref: '/history',
  backLabel: 'Back to your history',
} as const;

function Attempt({ attempt, selfId }: { attempt: AttemptDetail; selfId: string }) {
  const { request } = useAuth();
  // The attempt keeps the question's name, not its entry point: the question (if it still exists) names the arguments.
  const entryPoint = useApiResource(`entry-point:${attempt.question.id}`, (signal) =>
    attempt.runs.length > 0 ? fetchEntryPoint(request, attempt.question.id, signal) : Promise.resolve(null),
  );
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
          With {attempt.partner.displayName} · {LANGUAGE_LABELS[attempt.language]} ·{' '}
          <time dateTime={attempt.startedAt}>{formatAttemptDate(attempt.startedAt)}</time> ·{' '}
          <time dateTime={isoDuration(attempt.durationSeconds)}>{formatDuration(attempt.durationSeconds)}</time>
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="final-code-heading" className="flex flex-col gap-2">
          <Text id="final-code-heading" variant="h2" className="text-xl font-bold">
            Final code
          </Text>
          <Surface data-testid="attempt-code" data-language={attempt.language} className="h-[60vh] overflow-hidden rounded-2xl">
            <LazyCodeEditor language={attempt.language} value={attempt.finalCode} readOnly ariaLabel="Final code (read-only)" />
          </Surface>
        </section>
        <section aria-labelledby="transcript-heading" className="flex flex-col gap-2">
          <Text id="transcript-heading" variant="h2" className="text-xl font-bold">
            Chat
          </Text>
          <Surface className="max-h-[60vh] overflow-y-auto rounded-2xl p-4" data-testid="attempt-chat">
            {attempt.chat.length === 0 ? (
              <Text as="p" className="text-muted">
                No messages were sent.
              </Text>
            ) : (
              <ol className="m-0 flex list-none flex-col gap-3 p-0">
                {attempt.chat.map((message) => (
                  <li key={message.id} data-testid="chat-message" className="flex flex-col">
                    <div className="flex items-baseline gap-2 text-xs">
                      <span className="font-bold">{message.authorId === selfId ? 'You' : message.authorName}</span>
                      <time dateTime={message.sentAt} className="text-muted">
                        {formatChatTime(message.sentAt)}
                      </time>
                    </div>
                    <p data-testid="chat-message-text" className="m-0 whitespace-pre-wrap break-words text-sm">
                      {message.text}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </Surface>
        </section>
      </div>
      <Surface className="rounded-2xl p-4" data-testid="attempt-runs">
        <RecordedRuns runs={attempt.runs} selfId={selfId} paramNames={entryPoint.data?.params.map((param) => param.name) ?? []} />
      </Surface>
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
