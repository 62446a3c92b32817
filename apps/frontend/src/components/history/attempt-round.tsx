'use client';

import type { AttemptFeedback, AttemptRound, FeedbackView, RoomFeedback } from '@peerprep/contracts';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { visibilityText } from '../../lib/feedback/feedback-format';
import { feedbackHref } from '../../lib/rooms/room-links';
import { roleText, roundTimeline } from '../../lib/history/attempt-rounds';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';
import { fetchEntryPoint } from '../../lib/runs/run-api';
import { IntentLink } from '../intent-link';
import { useAuth } from '../auth/auth-provider';
import { LazyCodeEditor } from '../editor/lazy-code-editor';
import { FeedbackDetails } from '../feedback/feedback-details';
import { DifficultyChip } from '../questions/difficulty-chip';
import { useApiResource } from '../questions/use-api-resource';
import { RecordedRuns } from '../runs/run-panel';

export type AttemptFeedbackRound = AttemptFeedback['rounds'][number];

/** What the round's feedback section knows: loading, failed, or the two answers. */
export type RoundFeedbackSource =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'loaded'; round: AttemptFeedbackRound | null; given: FeedbackView | null; toRate: RoomFeedback['toRate'] };

/**
 * As the candidate: what the partner gave (or when it shows). As the
 * interviewer: what you gave, or a link to give it, and your private notes.
 */
function RoundFeedback({ index, role, source, roomId, partnerName }: { index: 1 | 2; role: AttemptRound['role']; source: RoundFeedbackSource; roomId: string; partnerName: string }) {
  let body;
  if (source.status === 'loading') {
    body = (
      <p role="status" className="m-0 text-sm text-muted">
        Loading the feedback…
      </p>
    );
  } else if (source.status === 'failed') {
    body = <p className="m-0 text-sm text-muted">The feedback could not be loaded.</p>;
  } else if (role === 'candidate') {
    const round = source.round;
    body = round?.feedback ? (
      <FeedbackDetails feedback={round.feedback} label={`Scores from ${partnerName} in round ${index}`} testId="round-feedback-received" />
    ) : (
      <p className="m-0 text-sm text-muted" data-testid="round-feedback-pending">
        {round?.feedbackVisibleAt ? visibilityText(partnerName, round.feedbackVisibleAt) : `${partnerName} gave you no feedback for this round.`}
      </p>
    );
  } else {
    const given = source.given?.round === index ? source.given : null;
    body = (
      <>
        {given ? (
          <FeedbackDetails feedback={given} label={`Scores you gave ${partnerName} in round ${index}`} testId="round-feedback-given" />
        ) : source.toRate?.round === index ? (
          <p className="m-0 text-sm text-muted">
            You have not rated {partnerName} for this round yet:{' '}
            <IntentLink href={feedbackHref(roomId)} className="text-primary">
              give your feedback
            </IntentLink>
            .
          </p>
        ) : (
          <p className="m-0 text-sm text-muted">You gave no feedback for this round.</p>
        )}
        {source.round?.notes ? (
          <div className="flex flex-col gap-1">
            <h4 className="type-subtitle1 m-0 font-semibold">Your private notes</h4>
            <p className="m-0 whitespace-pre-wrap break-words text-sm" data-testid="round-notes">
              {source.round.notes}
            </p>
          </div>
        ) : null}
      </>
    );
  }
  return (
    <div className="flex flex-col gap-2" data-testid="round-feedback">
      <h3 className="type-h6 m-0 text-base font-bold">{role === 'candidate' ? `Feedback from ${partnerName}` : `Your feedback for ${partnerName}`}</h3>
      {body}
    </div>
  );
}

/** One round of a mock interview, read-only: its question, your role, when and why it ended, its code, feedback and runs. */
export function AttemptRoundSection({
  round,
  roomId,
  partnerName,
  selfId,
  feedback,
}: {
  round: AttemptRound;
  roomId: string;
  partnerName: string;
  selfId: string;
  feedback: RoundFeedbackSource;
}) {
  const { request } = useAuth();
  const headingId = `round-${round.index}-heading`;
  const started = round.startedAt !== null;
  // The round keeps the question's name, not its entry point: the question (if it still exists) names the run's arguments.
  const entryPoint = useApiResource(`entry-point:${round.question.id}:${round.runs.length > 0}`, (signal) =>
    round.runs.length > 0 ? fetchEntryPoint(request, round.question.id, signal) : Promise.resolve(null),
  );
  return (
    <Surface as="section" aria-labelledby={headingId} data-testid="attempt-round" data-round={round.index} className="flex flex-col gap-4 rounded-2xl p-4 sm:p-6">
      <div className="flex flex-col gap-1">
        <Text id={headingId} variant="h2" className="text-xl font-bold">
          Round {round.index} · {roleText(round.role)}
        </Text>
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-semibold" data-testid="round-question">
            {round.question.title}
          </span>
          <DifficultyChip difficulty={round.question.difficulty} />
        </div>
        <p className="m-0 text-sm text-muted" data-testid="round-timeline">
          {roundTimeline(round)}
          {started ? ` · ${LANGUAGE_LABELS[round.language]}` : null}
        </p>
      </div>
      {started ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex flex-col gap-2">
            <h3 className="type-h6 m-0 text-base font-bold">Final code</h3>
            <div data-testid="round-code" data-language={round.language} className="h-[45vh] overflow-hidden rounded-xl border border-solid border-divider">
              <LazyCodeEditor language={round.language} value={round.finalCode} readOnly ariaLabel={`Round ${round.index} final code (read-only)`} />
            </div>
          </div>
          <RoundFeedback index={round.index} role={round.role} source={feedback} roomId={roomId} partnerName={partnerName} />
        </div>
      ) : null}
      {started ? (
        <div data-testid="round-runs">
          <RecordedRuns runs={round.runs} selfId={selfId} paramNames={entryPoint.data?.params.map((param) => param.name) ?? []} />
        </div>
      ) : null}
    </Surface>
  );
}
