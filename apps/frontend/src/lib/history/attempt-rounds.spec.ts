import type { ChatMessage } from '@peerprep/contracts';
import { chatWithRoundMarkers, roleText, roundTimeline, sessionModeLabel } from './attempt-rounds';

const line = (id: string, round?: 1 | 2): ChatMessage => ({
  id,
  authorId: null,
  authorName: 'Ada',
  text: `line ${id}`,
  sentAt: '2026-12-01T10:00:00.000Z',
  ...(round ? { round } : {}),
});

describe('chatWithRoundMarkers', () => {
  it('puts a marker before the first line of each round', () => {
    const entries = chatWithRoundMarkers([line('a', 1), line('b', 1), line('c', 2)]);
    expect(entries.map((entry) => (entry.kind === 'round' ? `round ${entry.round}` : entry.message.id))).toEqual(['round 1', 'a', 'b', 'round 2', 'c']);
  });

  it('starts at round two when nobody wrote in round one', () => {
    const entries = chatWithRoundMarkers([line('a', 2)]);
    expect(entries.map((entry) => entry.kind)).toEqual(['round', 'message']);
  });

  it('leaves a chat without rounds (pair practice) as one stream', () => {
    expect(chatWithRoundMarkers([line('a'), line('b')]).every((entry) => entry.kind === 'message')).toBe(true);
  });
});

describe('sessionModeLabel', () => {
  it('marks mock interviews and nothing else', () => {
    expect(sessionModeLabel('interview')).toBe('Mock interview · 2 rounds');
    expect(sessionModeLabel('pair')).toBeNull();
    expect(sessionModeLabel(undefined)).toBeNull();
  });
});

describe('roundTimeline', () => {
  // The times are the reader's local ones: compare with the same formatting.
  const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const startedAt = '2026-12-01T10:05:00.000Z';
  const endedAt = '2026-12-01T10:27:00.000Z';

  it('gives the start, the end and why it ended', () => {
    expect(roundTimeline({ startedAt, endedAt, endReason: 'time' }, 'en-GB')).toBe(`${hhmm(startedAt)}–${hhmm(endedAt)}, time ran out`);
    expect(roundTimeline({ startedAt, endedAt, endReason: 'interviewer' }, 'en-GB')).toBe(`${hhmm(startedAt)}–${hhmm(endedAt)}, the interviewer ended it`);
    expect(roundTimeline({ startedAt, endedAt, endReason: 'session' }, 'en-GB')).toBe(`${hhmm(startedAt)}–${hhmm(endedAt)}, the session was ended`);
  });

  it('says when a round never started', () => {
    expect(roundTimeline({ startedAt: null, endedAt: null, endReason: null })).toBe('Never started: the session ended during round one.');
  });

  it('names the role', () => {
    expect(roleText('interviewer')).toBe('You were the interviewer');
    expect(roleText('candidate')).toBe('You were the candidate');
  });
});
