import type { FeedbackSummary, RoundEndReason } from '@peerprep/contracts';
import { FEEDBACK_SCORE_MAX, FEEDBACK_SCORE_MIN } from '@peerprep/contracts/constants';

/**
 * Words for the rubric's 1–4, so a score reads the same on the form, in the
 * feedback received and in history. Numbers alone would leave the reader to
 * guess whether 4 is good.
 */
export const SCORE_WORDS: Readonly<Record<number, string>> = {
  1: 'Needs work',
  2: 'Fair',
  3: 'Good',
  4: 'Strong',
};

/** Every score the form offers, low to high. */
export const SCORES: readonly number[] = Array.from({ length: FEEDBACK_SCORE_MAX - FEEDBACK_SCORE_MIN + 1 }, (_, i) => FEEDBACK_SCORE_MIN + i);

/** "3 Good": the radio's accessible name and how a given score reads. */
export function scoreLabel(score: number): string {
  const word = SCORE_WORDS[score];
  return word ? `${score} ${word}` : String(score);
}

/** "7 Dec 2026, 14:05" in the reader's locale and time zone. */
export function formatFeedbackDate(iso: string, locale?: string, timeZone?: string): string {
  return new Date(iso).toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
}

/**
 * What stands in for feedback that is not shown yet: it shows once you rated
 * your partner too, or on `visibleAt` at the latest. Whether the partner gave
 * any is not known here (the server does not say), so the sentence never
 * claims they did.
 */
export function visibilityText(partnerName: string, visibleAt: string | null, locale?: string, timeZone?: string): string {
  if (!visibleAt) return `Visible once ${partnerName} rates you.`;
  return `Visible once ${partnerName} rates you, or on ${formatFeedbackDate(visibleAt, locale, timeZone)}.`;
}

/** "2.5": an average to one decimal, always with the decimal so a column of them lines up. */
export function formatAverage(average: number): string {
  return (Math.round(average * 10) / 10).toFixed(1);
}

/** "1 rating", "3 ratings". */
export function ratingCount(count: number): string {
  return `${count} ${count === 1 ? 'rating' : 'ratings'}`;
}

export interface CriterionSeries {
  id: string;
  title: string;
  average: number;
  count: number;
  /** Oldest first, as the summary's series. */
  points: { date: string; score: number }[];
}

/** The summary's averages, each with its scores over time (one point per rated round that scored it). */
export function seriesByCriterion(summary: FeedbackSummary): CriterionSeries[] {
  return summary.criteria.map((criterion) => ({
    ...criterion,
    points: summary.series.flatMap((point) =>
      point.scores.filter((score) => score.criterionId === criterion.id).map((score) => ({ date: point.date, score: score.score })),
    ),
  }));
}

/**
 * The points of a small line chart of scores (1 at the bottom, 4 at the top)
 * in a `width` × `height` box with `pad` on every side. One point sits in the
 * middle; more spread evenly from left to right (by order, not date: rounds a
 * month apart and an hour apart are both one step).
 */
export function sparklinePoints(scores: readonly number[], width: number, height: number, pad = 4): { x: number; y: number }[] {
  const span = FEEDBACK_SCORE_MAX - FEEDBACK_SCORE_MIN;
  const y = (score: number) => pad + ((FEEDBACK_SCORE_MAX - score) / span) * (height - 2 * pad);
  if (scores.length === 1) return [{ x: width / 2, y: y(scores[0]) }];
  const step = (width - 2 * pad) / Math.max(1, scores.length - 1);
  return scores.map((score, index) => ({ x: pad + index * step, y: y(score) }));
}

/** Why a round ended, as history says it. */
export const END_REASON_TEXT: Readonly<Record<RoundEndReason, string>> = {
  time: 'time ran out',
  interviewer: 'the interviewer ended it',
  session: 'the session was ended',
};
