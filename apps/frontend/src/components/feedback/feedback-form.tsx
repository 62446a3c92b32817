'use client';

import type { FeedbackToRate } from '@peerprep/contracts';
import { Button } from '../ui/button';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../lib/api-client';
import { commentCounter, FEEDBACK_COMMENT_MAX_LENGTH, feedbackFields, feedbackFormErrors, feedbackRequest, scoreField, type ScoreChoices } from '../../lib/feedback/feedback-form';
import { submitFeedback } from '../../lib/feedback/feedback-api';
import { useAuth } from '../auth/auth-provider';
import { FormAlert } from '../forms/form-alert';
import { MuiTextInput } from '../forms/mui-text-input';
import { useFormSubmission } from '../forms/use-form-submission';
import { ScoreChoice } from './score-choice';

/**
 * Rates the partner as the candidate of `toRate`'s round: every criterion of
 * its rubric 1–4 and a comment. Errors sit at their field (checked here
 * first, then the server's 400 by the same names); a 409 goes to `onConflict`,
 * which loads the page again and says why in words.
 */
export function FeedbackForm({
  roomId,
  partnerName,
  toRate,
  onSubmitted,
  onConflict,
}: {
  roomId: string;
  partnerName: string;
  toRate: FeedbackToRate;
  onSubmitted(): void;
  onConflict(error: ApiError): void;
}) {
  const { request } = useAuth();
  const fields = useMemo(() => feedbackFields(toRate.rubric), [toRate.rubric]);
  const form = useFormSubmission({ fields });
  const [scores, setScores] = useState<ScoreChoices>({});
  const [comment, setComment] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = feedbackFormErrors(toRate.rubric, scores, comment);
    if (Object.keys(errors).length > 0) return form.showFailure({ fieldErrors: errors, message: null });
    const outcome: { conflict: ApiError | null } = { conflict: null };
    const sent = await form.submit(async () => {
      try {
        await submitFeedback(request, roomId, feedbackRequest(toRate.rubric, scores, comment));
      } catch (error) {
        // A 409 is about the page's state, not the form: said by the page after it reloads.
        if (error instanceof ApiError && error.status === 409) outcome.conflict = error;
        else throw error;
      }
    });
    if (outcome.conflict) onConflict(outcome.conflict);
    else if (sent) onSubmitted();
  }

  const commentError = form.fieldErrors.comment;
  return (
    <form noValidate onSubmit={onSubmit} aria-label={`Rate ${partnerName}`} className="flex flex-col gap-6">
      <FormAlert message={form.message} />
      {toRate.rubric.map((criterion) => (
        <ScoreChoice
          key={criterion.id}
          criterion={criterion}
          value={scores[criterion.id]}
          error={form.fieldErrors[scoreField(criterion.id)]}
          disabled={form.pending}
          onChange={(score) => {
            setScores((current) => ({ ...current, [criterion.id]: score }));
            form.clearFieldError(scoreField(criterion.id));
          }}
        />
      ))}
      <MuiTextInput
        label="Comment"
        name="comment"
        multiline
        minRows={4}
        fullWidth
        value={comment}
        disabled={form.pending}
        onChange={(event) => {
          setComment(event.target.value);
          form.clearFieldError('comment');
        }}
        error={Boolean(commentError) || comment.length > FEEDBACK_COMMENT_MAX_LENGTH}
        helperText={
          <span className="flex justify-between gap-4">
            <span>{commentError ?? 'What went well, and what to work on. Optional.'}</span>
            <span data-testid="comment-counter" className="shrink-0 tabular-nums">
              {commentCounter(comment)}
            </span>
          </span>
        }
      />
      <div>
        <Button type="submit" variant="contained" disabled={form.pending}>
          {form.pending ? 'Submitting…' : 'Submit feedback'}
        </Button>
      </div>
    </form>
  );
}
