import type { SessionLength, SessionMode } from '@peerprep/contracts';

/* How the session modes and lengths read on the match page; plain values, no zod. */

export const SESSION_MODE_LABELS: Readonly<Record<SessionMode, string>> = {
  interview: 'Mock interview',
  pair: 'Pair practice',
};

export const SESSION_MODE_HINTS: Readonly<Record<SessionMode, string>> = {
  interview: 'Two rounds on a clock: you interview each other in turn, with a question each.',
  pair: 'One question, one shared editor, no clock.',
};

/** "Mock interview · 45 min", or "Pair practice" (it has no clock, so its length means nothing). */
export function describeSession(mode: SessionMode, minutes: SessionLength): string {
  return mode === 'interview' ? `${SESSION_MODE_LABELS.interview} · ${minutes} min` : SESSION_MODE_LABELS.pair;
}
