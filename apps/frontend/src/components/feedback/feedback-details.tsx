import type { FeedbackView } from '@peerprep/contracts';
import { scoreLabel } from '../../lib/feedback/feedback-format';

/** One round's feedback as given: each criterion with its score in words, then the comment. */
export function FeedbackDetails({ feedback, label, testId }: { feedback: FeedbackView; label: string; testId?: string }) {
  return (
    <div className="flex flex-col gap-3" data-testid={testId}>
      <dl aria-label={label} className="m-0 grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1.5">
        {feedback.scores.map((score) => (
          <div key={score.criterionId} className="contents" data-testid="feedback-score">
            <dt className="min-w-0 break-words">{score.title}</dt>
            <dd className="m-0 text-right font-semibold" data-score={score.score}>
              {scoreLabel(score.score)}
            </dd>
          </div>
        ))}
      </dl>
      {feedback.comment ? (
        <blockquote className="m-0 whitespace-pre-wrap break-words border-0 border-l-4 border-solid border-divider pl-3 text-sm" data-testid="feedback-comment">
          {feedback.comment}
        </blockquote>
      ) : (
        <p className="m-0 text-sm text-muted">No comment.</p>
      )}
    </div>
  );
}
