import type { InterviewView, ReleasedHint } from '@peerprep/contracts';
import { remainingMs } from '@peerprep/contracts/clock';
import {
  atZeroText,
  editorRound,
  formatCountdown,
  isWarningDue,
  mergeHints,
  newerView,
  roleBannerText,
  roleOf,
  roundDocumentKeys,
  spokenCountdown,
  warningText,
} from './interview-state';

const ADA = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const QUESTION = '33333333-3333-4333-8333-333333333333';

function view(phase: InterviewView['phase'], overrides: Partial<InterviewView> = {}): InterviewView {
  const roundOne = { index: 1 as const, interviewerId: ADA, candidateId: BOB, questionId: QUESTION, startedAt: '2026-01-01T10:00:00.000Z', endsAt: '2026-01-01T10:15:00.000Z', endedAt: null, endReason: null };
  const roundTwo = { index: 2 as const, interviewerId: BOB, candidateId: ADA, questionId: null, startedAt: null, endsAt: null, endedAt: null, endReason: null };
  const current =
    phase === 'round1'
      ? { index: 1 as const, interviewerId: ADA, candidateId: BOB, startedAt: roundOne.startedAt, endsAt: roundOne.endsAt }
      : phase === 'round2'
        ? { index: 2 as const, interviewerId: BOB, candidateId: ADA, startedAt: '2026-01-01T10:10:00.000Z', endsAt: '2026-01-01T10:25:00.000Z' }
        : null;
  return {
    mode: 'interview',
    phase,
    currentRound: current,
    rounds: phase === 'waiting' ? [] : phase === 'round1' ? [roundOne, roundTwo] : [{ ...roundOne, endedAt: '2026-01-01T10:10:00.000Z', endReason: 'interviewer' }, { ...roundTwo, questionId: QUESTION, startedAt: '2026-01-01T10:10:00.000Z', endsAt: '2026-01-01T10:25:00.000Z' }],
    warningSeconds: 300,
    serverNow: '2026-01-01T10:05:00.000Z',
    ...overrides,
  };
}

describe('formatCountdown', () => {
  it('shows minutes and two-digit seconds, rounding a started second up', () => {
    expect(formatCountdown(15 * 60_000)).toBe('15:00');
    expect(formatCountdown(65_001)).toBe('1:06');
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(999)).toBe('0:01');
  });

  it('reads 0:00 only once the time is up, never below', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });

  it('adds hours from an hour on', () => {
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });

  it('is the same on two peers whose clocks disagree once each applies its offset', () => {
    const endsAt = '2026-01-01T10:15:00.000Z';
    const serverNow = Date.parse('2026-01-01T10:03:20.400Z');
    // One client's clock is 7 s behind the server's, the other's 42 s ahead.
    const behind = formatCountdown(remainingMs(endsAt, 7_000, serverNow - 7_000));
    const ahead = formatCountdown(remainingMs(endsAt, -42_000, serverNow + 42_000));
    expect(behind).toBe('11:40');
    expect(ahead).toBe(behind);
  });
});

describe('spokenCountdown', () => {
  it('says minutes and seconds in words, singular where it is one', () => {
    expect(spokenCountdown(61_000)).toBe('1 minute 1 second');
    expect(spokenCountdown(120_000)).toBe('2 minutes');
    expect(spokenCountdown(0)).toBe('0 seconds');
  });
});

describe('isWarningDue', () => {
  const round = { startedAt: '2026-01-01T10:00:00.000Z', endsAt: '2026-01-01T10:15:00.000Z' };

  it('is due from five minutes before the end until the end', () => {
    expect(isWarningDue(round, 300_001, 300)).toBe(false);
    expect(isWarningDue(round, 300_000, 300)).toBe(true);
    expect(isWarningDue(round, 1, 300)).toBe(true);
  });

  it('is not due once the time is up', () => {
    expect(isWarningDue(round, 0, 300)).toBe(false);
  });

  it('never comes in a round no longer than the warning (a short test round)', () => {
    const short = { startedAt: '2026-01-01T10:00:00.000Z', endsAt: '2026-01-01T10:05:00.000Z' };
    expect(isWarningDue(short, 10_000, 300)).toBe(false);
  });
});

describe('wording', () => {
  it('says what happens at zero in each round', () => {
    expect(atZeroText(1)).toBe('Round 1 ends at 0:00, then you swap roles.');
    expect(atZeroText(2)).toBe('Round 2 ends at 0:00, then the interview is over.');
  });

  it('names the round and the role', () => {
    expect(roleBannerText(1, 'interviewer')).toBe('Round 1 of 2 · You are the interviewer');
    expect(roleBannerText(2, 'candidate')).toBe('Round 2 of 2 · You are the candidate');
    expect(warningText(2, 300)).toBe('5 minutes left in round 2.');
  });
});

describe('roleOf', () => {
  it('gives each peer the opposite role, swapped in round two', () => {
    expect(roleOf(view('round1'), ADA)).toBe('interviewer');
    expect(roleOf(view('round1'), BOB)).toBe('candidate');
    expect(roleOf(view('round2'), ADA)).toBe('candidate');
    expect(roleOf(view('round2'), BOB)).toBe('interviewer');
  });

  it('is null while waiting, once over, and for a stranger', () => {
    expect(roleOf(view('waiting'), ADA)).toBeNull();
    expect(roleOf(view('finished'), ADA)).toBeNull();
    expect(roleOf(null, ADA)).toBeNull();
    expect(roleOf(view('round1'), QUESTION)).toBeNull();
  });
});

describe('editorRound', () => {
  it('keeps round one read-only while waiting for both peers', () => {
    expect(editorRound(view('waiting'), 0)).toEqual({ round: 1, writable: false });
    expect(editorRound(null, null)).toEqual({ round: 1, writable: false });
  });

  it("writes the round being played only once the document's round says so too", () => {
    expect(editorRound(view('round1'), 1)).toEqual({ round: 1, writable: true });
    // The view came first; the server's document write is still on its way.
    expect(editorRound(view('round1'), 0)).toEqual({ round: 1, writable: false });
    expect(editorRound(view('round2'), 1)).toEqual({ round: 2, writable: false });
    expect(editorRound(view('round2'), 2)).toEqual({ round: 2, writable: true });
  });

  it('shows the last round played, read-only, once over', () => {
    expect(editorRound(view('finished'), 0)).toEqual({ round: 2, writable: false });
    const endedInRoundOne = view('finished', { rounds: view('round1').rounds });
    expect(editorRound(endedInRoundOne, 0)).toEqual({ round: 1, writable: false });
  });
});

describe('roundDocumentKeys', () => {
  it("puts round one in the room's code and language and round two in its own", () => {
    expect(roundDocumentKeys(1)).toEqual({ code: 'code', language: 'language' });
    expect(roundDocumentKeys(2)).toEqual({ code: 'round2Code', language: 'round2Language' });
  });
});

describe('newerView', () => {
  it('keeps the later view by the server clock, whichever arrives last', () => {
    const older = view('round1', { serverNow: '2026-01-01T10:05:00.000Z' });
    const newer = view('round2', { serverNow: '2026-01-01T10:10:00.100Z' });
    expect(newerView(null, older)).toBe(older);
    expect(newerView(older, newer)).toBe(newer);
    expect(newerView(newer, older)).toBe(newer);
  });
});

describe('mergeHints', () => {
  const hint = (round: number, index: number): ReleasedHint => ({ round, index, text: `hint ${round}.${index}`, releasedAt: '2026-01-01T10:01:00.000Z' });

  it('keeps each hint once, by round then index', () => {
    const merged = mergeHints([hint(1, 1)], [hint(2, 0), hint(1, 0), hint(1, 1)]);
    expect(merged.map((item) => `${item.round}.${item.index}`)).toEqual(['1.0', '1.1', '2.0']);
  });

  it('returns the same list when nothing is new (no re-render)', () => {
    const current = [hint(1, 0)];
    expect(mergeHints(current, [hint(1, 0)])).toBe(current);
  });
});
