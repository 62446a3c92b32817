import type { MatchCriteria, MatchRequestView, MatchStatusMessage } from '@peerprep/contracts';
import { initialMatchState, matchReducer, needsLiveStatus, type MatchState } from './match-state';

const REQUEST = '0b9e3a52-4f8e-4c8e-9d7a-1f2e3d4c5b6a';
const OTHER_REQUEST = '1c9e3a52-4f8e-4c8e-9d7a-1f2e3d4c5b6a';
const MATCH = '2d9e3a52-4f8e-4c8e-9d7a-1f2e3d4c5b6a';
const PEER = { id: '3e9e3a52-4f8e-4c8e-9d7a-1f2e3d4c5b6a', displayName: 'Ada' };
const ROOM = '4f9e3a52-4f8e-4c8e-9d7a-1f2e3d4c5b6a';
const criteria: MatchCriteria = { mode: 'interview', minutes: 60, difficulty: 'EASY', topics: ['arrays'], language: 'python', allowRelaxed: true };

function view(overrides: Partial<MatchRequestView> = {}): MatchRequestView {
  return {
    requestId: REQUEST,
    status: 'queued',
    criteria,
    createdAt: '2026-01-01T00:00:00.000Z',
    strictDeadline: '2026-01-01T00:00:30.000Z',
    deadline: '2026-01-01T00:01:00.000Z',
    match: null,
    ...overrides,
  };
}

function waiting(): MatchState {
  return matchReducer(initialMatchState, { type: 'requestLoaded', view: view() });
}

const matched = (roomId: string | null): MatchStatusMessage => ({
  status: 'matched',
  requestId: REQUEST,
  matchId: MATCH,
  peer: PEER,
  difficulty: 'EASY',
  topics: ['arrays'],
  language: 'python',
  mode: 'interview',
  minutes: 30,
  roomId,
});

describe('matchReducer', () => {
  it('shows the form when a reload finds no current request', () => {
    expect(matchReducer(initialMatchState, { type: 'requestLoaded', view: null })).toEqual({ kind: 'choosing', criteria: null });
  });

  it('resumes a waiting request with its deadlines as instants', () => {
    const state = waiting();
    expect(state).toMatchObject({
      kind: 'waiting',
      requestId: REQUEST,
      relaxed: false,
      window: { startedAt: Date.parse('2026-01-01T00:00:00Z'), strictDeadline: Date.parse('2026-01-01T00:00:30Z'), deadline: Date.parse('2026-01-01T00:01:00Z') },
    });
  });

  it('resumes a matched request with the peer and room', () => {
    const state = matchReducer(initialMatchState, {
      type: 'requestLoaded',
      view: view({ status: 'matched', match: { matchId: MATCH, peer: PEER, mode: 'interview', minutes: 45, roomId: ROOM } }),
    });
    // The agreed length (the shorter of the two), not the one this user asked for.
    expect(state).toMatchObject({ kind: 'matched', outcome: { peer: PEER, mode: 'interview', minutes: 45, roomId: ROOM } });
  });

  it('moves to the relaxed phase with the final deadline when the server says so', () => {
    const state = matchReducer(waiting(), {
      type: 'statusReceived',
      message: { status: 'relaxed', requestId: REQUEST, deadline: '2026-01-01T00:01:05.000Z' },
    });
    expect(state).toMatchObject({ kind: 'waiting', relaxed: true, window: { deadline: Date.parse('2026-01-01T00:01:05Z') } });
  });

  it('shows the peer on a match, then keeps the room once it is announced', () => {
    const paired = matchReducer(waiting(), { type: 'statusReceived', message: matched(null) });
    expect(paired).toMatchObject({ kind: 'matched', outcome: { peer: PEER, mode: 'interview', minutes: 30, roomId: null } });
    expect(needsLiveStatus(paired)).toBe(true);
    const withRoom = matchReducer(paired, { type: 'statusReceived', message: matched(ROOM) });
    expect(withRoom).toMatchObject({ kind: 'matched', outcome: { roomId: ROOM } });
    expect(needsLiveStatus(withRoom)).toBe(false);
    // A late repeat of the first announcement does not lose the room.
    expect(matchReducer(withRoom, { type: 'statusReceived', message: matched(null) })).toMatchObject({ outcome: { roomId: ROOM } });
  });

  it('ignores messages about another request', () => {
    const state = waiting();
    const stale = matchReducer(state, { type: 'statusReceived', message: { status: 'timed_out', requestId: OTHER_REQUEST, message: 'old' } });
    expect(stale).toBe(state);
  });

  it('ends a waiting request with the server timeout message, keeping its criteria for a retry', () => {
    const state = matchReducer(waiting(), { type: 'statusReceived', message: { status: 'timed_out', requestId: REQUEST, message: 'No partner.' } });
    expect(state).toEqual({ kind: 'timedOut', criteria, message: 'No partner.' });
    expect(matchReducer(state, { type: 'formRequested' })).toEqual({ kind: 'choosing', criteria });
  });

  it('cancels on the user request and on a disconnect notice', () => {
    const started = matchReducer(waiting(), { type: 'cancelStarted' });
    expect(started).toMatchObject({ kind: 'waiting', cancelling: true });
    expect(matchReducer(started, { type: 'cancelConfirmed' })).toEqual({ kind: 'cancelled', criteria, reason: 'user' });
    expect(matchReducer(started, { type: 'cancelFailed' })).toMatchObject({ kind: 'waiting', cancelling: false });
    expect(
      matchReducer(waiting(), { type: 'statusReceived', message: { status: 'cancelled', requestId: REQUEST, reason: 'disconnected' } }),
    ).toEqual({ kind: 'cancelled', criteria, reason: 'disconnected' });
  });

  it('does not let a late cancel undo a match', () => {
    const paired = matchReducer(waiting(), { type: 'statusReceived', message: matched(null) });
    expect(matchReducer(paired, { type: 'cancelConfirmed' })).toBe(paired);
    expect(matchReducer(paired, { type: 'statusReceived', message: { status: 'cancelled', requestId: REQUEST, reason: 'user' } })).toBe(paired);
  });

  it('reports a failure after pairing (no question fits both)', () => {
    const paired = matchReducer(waiting(), { type: 'statusReceived', message: matched(null) });
    const failed = matchReducer(paired, {
      type: 'statusReceived',
      message: { status: 'error', requestId: REQUEST, code: 'no_question', message: 'No question fits you both.' },
    });
    expect(failed).toEqual({ kind: 'failed', criteria, message: 'No question fits you both.' });
  });

  it('concludes from a vanished request: timed out past the deadline, cancelled before it', () => {
    const deadline = Date.parse('2026-01-01T00:01:00Z');
    expect(matchReducer(waiting(), { type: 'requestGone', now: deadline })).toMatchObject({ kind: 'timedOut', criteria });
    expect(matchReducer(waiting(), { type: 'requestGone', now: deadline - 1 })).toEqual({ kind: 'cancelled', criteria, reason: 'disconnected' });
  });

  it('returns to the form with the criteria when a submit fails', () => {
    const submitting = matchReducer({ kind: 'choosing', criteria: null }, { type: 'submitted', criteria });
    expect(matchReducer(submitting, { type: 'submitFailed' })).toEqual({ kind: 'choosing', criteria });
  });
});
