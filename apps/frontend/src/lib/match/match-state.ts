import type { MatchCriteria, MatchPeer, MatchRequestView, MatchStatusMessage, SessionLength, SessionMode } from '@peerprep/contracts';

/** The countdown's inputs: instants as epoch milliseconds. */
export interface WaitWindow {
  startedAt: number;
  /** End of the strict window (same difficulty only). */
  strictDeadline: number;
  /** When the request times out. Equals `strictDeadline` unless relaxation was accepted. */
  deadline: number;
}

export interface MatchOutcome {
  requestId: string;
  peer: MatchPeer;
  mode: SessionMode;
  /** The shorter of the two requested lengths. */
  minutes: SessionLength;
  /** Null while the room is being created. */
  roomId: string | null;
  difficulty: MatchCriteria['difficulty'];
  topics: readonly string[];
  language: MatchCriteria['language'];
}

/**
 * What the match page shows. `checking`: the current request is being read
 * (a reload resumes it); `choosing`: the form; the rest follow one request.
 * Ended states keep the criteria so "Try again" and "Widen" start from them.
 */
export type MatchState =
  | { kind: 'checking' }
  | { kind: 'choosing'; criteria: MatchCriteria | null }
  | { kind: 'submitting'; criteria: MatchCriteria }
  | { kind: 'waiting'; requestId: string; criteria: MatchCriteria; window: WaitWindow; relaxed: boolean; cancelling: boolean }
  | { kind: 'matched'; criteria: MatchCriteria | null; outcome: MatchOutcome }
  | { kind: 'timedOut'; criteria: MatchCriteria; message: string }
  | { kind: 'cancelled'; criteria: MatchCriteria; reason: 'user' | 'disconnected' }
  | { kind: 'failed'; criteria: MatchCriteria | null; message: string };

export type MatchEvent =
  /** The answer of GET current (null: none) or of POST (the new request). */
  | { type: 'requestLoaded'; view: MatchRequestView | null }
  /**
   * GET current found nothing while this page still showed the request
   * waiting: it ended while the live channel was down. Past the deadline it
   * timed out; before it, it was cancelled (elsewhere, or on disconnect).
   */
  | { type: 'requestGone'; now: number }
  | { type: 'submitted'; criteria: MatchCriteria }
  /** POST failed: back to the form, which shows why. */
  | { type: 'submitFailed' }
  | { type: 'cancelStarted' }
  /** DELETE answered (204, or 404 when it had already ended). */
  | { type: 'cancelConfirmed' }
  | { type: 'cancelFailed' }
  | { type: 'statusReceived'; message: MatchStatusMessage }
  /** Back to the form, optionally with other criteria ("Widen my criteria"). */
  | { type: 'formRequested'; criteria?: MatchCriteria };

export const GONE_TIMED_OUT_MESSAGE = 'No partner was found in time. Try again, or widen your criteria.';

export const initialMatchState: MatchState = { kind: 'checking' };

function time(iso: string): number {
  return Date.parse(iso);
}

function fromView(view: MatchRequestView): MatchState {
  if (view.status === 'matched' && view.match) {
    return {
      kind: 'matched',
      criteria: view.criteria,
      outcome: {
        requestId: view.requestId,
        peer: view.match.peer,
        mode: view.match.mode,
        minutes: view.match.minutes,
        roomId: view.match.roomId,
        difficulty: view.criteria.difficulty,
        topics: view.criteria.topics,
        language: view.criteria.language,
      },
    };
  }
  return {
    kind: 'waiting',
    requestId: view.requestId,
    criteria: view.criteria,
    window: { startedAt: time(view.createdAt), strictDeadline: time(view.strictDeadline), deadline: time(view.deadline) },
    relaxed: view.status === 'relaxed',
    cancelling: false,
  };
}

function requestIdOf(state: MatchState): string | null {
  if (state.kind === 'waiting') return state.requestId;
  if (state.kind === 'matched') return state.outcome.requestId;
  return null;
}

function criteriaOf(state: MatchState): MatchCriteria | null {
  return 'criteria' in state ? state.criteria : null;
}

/** A live status message applied to the request it names; messages about any other request are stale. */
function applyStatus(state: MatchState, message: MatchStatusMessage): MatchState {
  if (message.requestId === null || message.requestId !== requestIdOf(state)) return state;
  switch (message.status) {
    case 'queued':
    case 'relaxed': {
      if (state.kind !== 'waiting') return state;
      const deadline = time(message.deadline);
      const relaxed = message.status === 'relaxed';
      // `queued` carries the end of the strict window, `relaxed` the final timeout.
      const window = relaxed ? { ...state.window, deadline } : { ...state.window, strictDeadline: deadline, deadline: Math.max(deadline, state.window.deadline) };
      return { ...state, relaxed, window };
    }
    case 'matched': {
      const previous = state.kind === 'matched' ? state.outcome : null;
      return {
        kind: 'matched',
        criteria: criteriaOf(state),
        outcome: {
          requestId: message.requestId,
          peer: message.peer,
          mode: message.mode,
          minutes: message.minutes,
          // The room announcement repeats the match; never forget a known room.
          roomId: message.roomId ?? previous?.roomId ?? null,
          difficulty: message.difficulty,
          topics: message.topics,
          language: message.language,
        },
      };
    }
    case 'timed_out':
      return state.kind === 'waiting' ? { kind: 'timedOut', criteria: state.criteria, message: message.message } : state;
    case 'cancelled':
      return state.kind === 'waiting' ? { kind: 'cancelled', criteria: state.criteria, reason: message.reason } : state;
    case 'error':
      return { kind: 'failed', criteria: criteriaOf(state), message: message.message };
  }
}

export function matchReducer(state: MatchState, event: MatchEvent): MatchState {
  switch (event.type) {
    case 'requestLoaded':
      if (event.view) return fromView(event.view);
      // Nothing current: from a reload, the form; while waiting, the request ended unseen.
      if (state.kind === 'checking') return { kind: 'choosing', criteria: null };
      return state;
    case 'requestGone':
      if (state.kind !== 'waiting') return state;
      return event.now >= state.window.deadline
        ? { kind: 'timedOut', criteria: state.criteria, message: GONE_TIMED_OUT_MESSAGE }
        : { kind: 'cancelled', criteria: state.criteria, reason: 'disconnected' };
    case 'submitted':
      return { kind: 'submitting', criteria: event.criteria };
    case 'submitFailed':
      return state.kind === 'submitting' ? { kind: 'choosing', criteria: state.criteria } : state;
    case 'cancelStarted':
      return state.kind === 'waiting' ? { ...state, cancelling: true } : state;
    case 'cancelFailed':
      return state.kind === 'waiting' ? { ...state, cancelling: false } : state;
    case 'cancelConfirmed':
      return state.kind === 'waiting' ? { kind: 'cancelled', criteria: state.criteria, reason: 'user' } : state;
    case 'statusReceived':
      return applyStatus(state, event.message);
    case 'formRequested':
      return { kind: 'choosing', criteria: event.criteria ?? criteriaOf(state) };
  }
}

/** Whether the page needs the live status channel: only while a request can still change. */
export function needsLiveStatus(state: MatchState): boolean {
  return state.kind === 'waiting' || (state.kind === 'matched' && state.outcome.roomId === null);
}
