'use client';

import { FEEDBACK_SCORE_MAX } from '@peerprep/contracts/constants';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { fetchFeedbackSummary } from '../../lib/feedback/feedback-api';
import { formatAverage, ratingCount, seriesByCriterion } from '../../lib/feedback/feedback-format';
import { useAuth } from '../auth/auth-provider';
import { useApiResource } from '../questions/use-api-resource';
import { RetryAlert } from '../ui/retry-alert';
import { ScoreSparkline } from './score-sparkline';

function SummaryBody() {
  const { request } = useAuth();
  const summary = useApiResource('feedback-summary', (signal) => fetchFeedbackSummary(request, signal));
  if (summary.error) return <RetryAlert error={summary.error} fallback="Your feedback could not be loaded." onRetry={summary.reload} />;
  if (!summary.data) {
    return (
      <p role="status" className="m-0 text-muted">
        Loading your feedback…
      </p>
    );
  }
  if (summary.data.feedbackCount === 0) {
    return (
      <p className="m-0 text-muted" data-testid="feedback-summary-empty">
        No feedback yet. After a mock interview your partner rates you as a candidate; the averages show here once you can read it.
      </p>
    );
  }
  const criteria = seriesByCriterion(summary.data);
  return (
    <>
      <p className="m-0 text-sm text-muted">
        From {ratingCount(summary.data.feedbackCount)} as a candidate, scored 1 (needs work) to {FEEDBACK_SCORE_MAX} (strong).
      </p>
      <ul aria-label="Average per criterion" className="m-0 flex list-none flex-col divide-y divide-divider p-0" data-testid="feedback-averages">
        {criteria.map((criterion) => (
          <li key={criterion.id} data-testid="feedback-average" data-criterion={criterion.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
            <div className="min-w-0 flex-1">
              <p className="m-0 break-words font-semibold">{criterion.title}</p>
              <p className="m-0 text-sm text-muted">
                <span data-testid="feedback-average-value" className="font-semibold text-foreground">
                  {formatAverage(criterion.average)}
                </span>{' '}
                of {FEEDBACK_SCORE_MAX} · <span data-testid="feedback-average-count">{ratingCount(criterion.count)}</span>
              </p>
            </div>
            <ScoreSparkline title={criterion.title} points={criterion.points} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The profile's "Feedback": averages per rubric criterion, each with its scores over time. */
export function FeedbackSummarySection() {
  return (
    <Surface as="section" aria-labelledby="feedback-summary-heading" className="flex flex-col gap-3 rounded-2xl p-6" data-testid="feedback-summary">
      <Text id="feedback-summary-heading" variant="h2" className="text-xl">
        Feedback
      </Text>
      <SummaryBody />
    </Surface>
  );
}
