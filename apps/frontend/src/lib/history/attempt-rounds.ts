import type { AttemptRound, ChatMessage } from '@peerprep/contracts';
import { END_REASON_TEXT } from '../feedback/feedback-format';
import { formatChatTime } from '../rooms/chat-time';

export type ChatEntry = { kind: 'round'; round: 1 | 2 } | { kind: 'message'; message: ChatMessage };

/**
 * A mock interview's chat with a marker before the first line of each round
 * (lines carry their round from the server's stamps). Pair practice, whose
 * lines have no round, stays one stream without markers.
 */
export function chatWithRoundMarkers(chat: readonly ChatMessage[]): ChatEntry[] {
  const entries: ChatEntry[] = [];
  let current: 1 | 2 | undefined;
  for (const message of chat) {
    if (message.round !== undefined && message.round !== current) {
      current = message.round;
      entries.push({ kind: 'round', round: current });
    }
    entries.push({ kind: 'message', message });
  }
  return entries;
}

/** "Mock interview · 2 rounds" for the history list; null for pair practice (and attempts saved before modes). */
export function sessionModeLabel(mode: 'interview' | 'pair' | undefined): string | null {
  return mode === 'interview' ? 'Mock interview · 2 rounds' : null;
}

/** "You were the interviewer": a round's heading says who you were in it. */
export function roleText(role: AttemptRound['role']): string {
  return role === 'interviewer' ? 'You were the interviewer' : 'You were the candidate';
}

/**
 * When a round ran and why it ended: "14:05–14:27, time ran out". A round
 * two that never started (the session ended during round one) says so.
 */
export function roundTimeline(round: Pick<AttemptRound, 'startedAt' | 'endedAt' | 'endReason'>, locale?: string): string {
  if (!round.startedAt) return 'Never started: the session ended during round one.';
  const start = formatChatTime(round.startedAt, locale);
  if (!round.endedAt) return `Started ${start}`;
  const reason = round.endReason ? `, ${END_REASON_TEXT[round.endReason]}` : '';
  return `${start}–${formatChatTime(round.endedAt, locale)}${reason}`;
}
