import { interviewRoundDocument, type CurrentRound, type InterviewRole, type InterviewView, type ReleasedHint, type RoundIndex } from '@peerprep/contracts';

/*
 * What the mock-interview room derives from the server's InterviewView, as
 * plain functions (the hook and the components only wire them): the
 * countdown's text, when the warning is due, which round's text the editor
 * shows and whether it may write it, who is who.
 */

/**
 * "12:05" (or "1:02:03" from an hour): the seconds are rounded up, so the
 * clock reads 0:00 only once the time is really up, and both peers, whose
 * offsets put them within the same second, read the same digits.
 */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** "12 minutes 5 seconds": the countdown for a screen reader's label. */
export function spokenCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/**
 * Whether the round's warning is due now: `warningSeconds` or less left and
 * time not yet up. As on the server, a round no longer than the warning has
 * none (it would be warned from its first second).
 */
export function isWarningDue(round: Pick<CurrentRound, 'startedAt' | 'endsAt'>, remainingMs: number, warningSeconds: number): boolean {
  const lengthMs = Date.parse(round.endsAt) - Date.parse(round.startedAt);
  if (!(lengthMs > warningSeconds * 1000)) return false;
  return remainingMs > 0 && remainingMs <= warningSeconds * 1000;
}

/** The warning as said once (aria-live) and shown until the round ends. */
export function warningText(round: RoundIndex, warningSeconds: number): string {
  const minutes = Math.round(warningSeconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'} left in round ${round}.`;
}

/** What happens at zero, in words. */
export function atZeroText(round: RoundIndex): string {
  return round === 1 ? 'Round 1 ends at 0:00, then you swap roles.' : 'Round 2 ends at 0:00, then the interview is over.';
}

/** Who `userId` is in the round being played, or null (waiting, finished, not a participant). */
export function roleOf(view: InterviewView | null, userId: string): InterviewRole | null {
  const round = view?.currentRound;
  if (!round) return null;
  if (round.interviewerId === userId) return 'interviewer';
  if (round.candidateId === userId) return 'candidate';
  return null;
}

/** "Round 1 of 2 · You are the interviewer". */
export function roleBannerText(round: RoundIndex, role: InterviewRole): string {
  return `Round ${round} of 2 · You are the ${role}`;
}

/** The round whose code clients write now: `meta.round` in the document (0 or absent: none). */
export type DocumentRound = 0 | RoundIndex;

/**
 * Which round's code the editor shows, and whether this client may write it.
 * The server takes a write only while the document's `meta.round` is that
 * round, and the view says which round is being played: the two arrive
 * separately, so the editor is writable only when both agree (a write in the
 * gap would close the socket with 4422). Waiting shows round one's (empty)
 * code read-only; once over, the last round played, read-only.
 */
export function editorRound(view: InterviewView | null, documentRound: DocumentRound | null): { round: RoundIndex; writable: boolean } {
  if (!view) return { round: 1, writable: false };
  switch (view.phase) {
    case 'round1':
      return { round: 1, writable: documentRound === 1 };
    case 'round2':
      return { round: 2, writable: documentRound === 2 };
    case 'finished':
      return { round: view.rounds.some((round) => round.index === 2 && round.startedAt !== null) ? 2 : 1, writable: false };
    default:
      return { round: 1, writable: false };
  }
}

/** The document's keys of a round's code and language. */
export function roundDocumentKeys(round: RoundIndex): { code: 'code' | 'round2Code'; language: 'language' | 'round2Language' } {
  return interviewRoundDocument[round];
}

/**
 * Of two views of one interview, the later by the server's clock: the answer
 * of a GET that was sent before a push may arrive after it, and must not
 * take the room back a round.
 */
export function newerView(current: InterviewView | null, next: InterviewView): InterviewView {
  if (!current) return next;
  return Date.parse(next.serverNow) >= Date.parse(current.serverNow) ? next : current;
}

/** Released hints by round then index, each once: from GET /interview/hints and the pushes (message 104). */
export function mergeHints(current: readonly ReleasedHint[], incoming: readonly ReleasedHint[]): readonly ReleasedHint[] {
  const byKey = new Map(current.map((hint) => [`${hint.round}:${hint.index}`, hint]));
  let changed = false;
  for (const hint of incoming) {
    const key = `${hint.round}:${hint.index}`;
    if (!byKey.has(key)) {
      byKey.set(key, hint);
      changed = true;
    }
  }
  if (!changed) return current;
  return [...byKey.values()].sort((a, b) => a.round - b.round || a.index - b.index);
}
