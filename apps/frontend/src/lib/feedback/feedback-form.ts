import type { FeedbackToRate, SubmitFeedbackRequest } from '@peerprep/contracts';
import { FEEDBACK_COMMENT_MAX_LENGTH } from '@peerprep/contracts/constants';
import type { FieldErrors } from '../api-error';

export { FEEDBACK_COMMENT_MAX_LENGTH };

/** The scores chosen so far, by criterion id. */
export type ScoreChoices = Readonly<Record<string, number | undefined>>;

/** The form's field names, as the server names them in a 400 (`scores.<criterion id>`, `comment`). */
export function feedbackFields(rubric: FeedbackToRate['rubric']): string[] {
  return [...rubric.map((criterion) => scoreField(criterion.id)), 'comment'];
}

export const scoreField = (criterionId: string) => `scores.${criterionId}`;

/**
 * What must be fixed before sending: a criterion without a score, a comment
 * past its limit. The server checks the same (a 400 naming the same fields),
 * this only saves the round trip. Empty when the form can be sent.
 */
export function feedbackFormErrors(rubric: FeedbackToRate['rubric'], scores: ScoreChoices, comment: string): FieldErrors {
  const errors: Record<string, string> = {};
  for (const criterion of rubric) {
    if (scores[criterion.id] === undefined) errors[scoreField(criterion.id)] = `Choose a score for ${criterion.title}.`;
  }
  if (comment.length > FEEDBACK_COMMENT_MAX_LENGTH) {
    errors.comment = `Keep the comment to ${FEEDBACK_COMMENT_MAX_LENGTH.toLocaleString('en')} characters (${comment.length.toLocaleString('en')} now).`;
  }
  return errors;
}

/** The request body: a score for every criterion of the rubric (only those), and the comment trimmed. */
export function feedbackRequest(rubric: FeedbackToRate['rubric'], scores: ScoreChoices, comment: string): SubmitFeedbackRequest {
  const chosen: Record<string, number> = {};
  for (const criterion of rubric) {
    const score = scores[criterion.id];
    if (score !== undefined) chosen[criterion.id] = score;
  }
  return { scores: chosen, comment: comment.trim() };
}

/** "120 / 2,000": the comment's counter. */
export function commentCounter(comment: string): string {
  return `${comment.length.toLocaleString('en')} / ${FEEDBACK_COMMENT_MAX_LENGTH.toLocaleString('en')}`;
}

/**
 * A 409 from submitting, said in words from what the page loads again after
 * it: the session is still running, or you already rated (another tab, a
 * double submit). Anything else is the server's own sentence (say, the
 * partner deleted their account).
 */
export function feedbackConflictMessage(
  state: { roomOpen: boolean; alreadyGiven: boolean; partnerName: string },
  serverMessage: string | null,
): string {
  if (state.roomOpen) return `The session is still running: you can rate ${state.partnerName} once it has ended.`;
  if (state.alreadyGiven) return `You have already rated ${state.partnerName} for this session: what you gave is below.`;
  return serverMessage ?? `${state.partnerName} cannot be rated for this session.`;
}
