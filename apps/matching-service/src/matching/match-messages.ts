import type {
  MatchCriteria,
  MatchFoundPayload,
  MatchRequestView,
  MatchStatusMessage,
  RoomFailedPayload,
} from '@peerprep/contracts';
import type { StoredPair, StoredRequest } from './queue.repository';

/* How stored requests and pairs look to the outside: HTTP views, live status messages, the match.found event. */

const iso = (ms: number) => new Date(ms).toISOString();

export function requestView(r: StoredRequest): MatchRequestView {
  return {
    requestId: r.requestId,
    status: r.status,
    criteria: criteriaOf(r),
    createdAt: iso(r.createdAt),
    strictDeadline: iso(r.strictDeadline),
    deadline: iso(r.deadline),
    match: r.match
      ? {
          matchId: r.match.matchId,
          peer: { id: r.match.peerId, displayName: r.match.peerName },
          mode: r.match.mode,
          minutes: r.match.minutes,
          roomId: r.match.roomId,
        }
      : null,
  };
}

/** What the user asked for. */
function criteriaOf(r: StoredRequest): MatchCriteria {
  return {
    mode: r.mode,
    minutes: r.minutes,
    difficulty: r.difficulty,
    topics: r.topics,
    language: r.language,
    allowRelaxed: r.allowRelaxed,
  };
}

/** The message that describes a request's state now (also what a socket gets when it opens). */
export function statusMessage(r: StoredRequest): MatchStatusMessage {
  if (r.status === 'matched' && r.match) {
    return {
      status: 'matched',
      requestId: r.requestId,
      matchId: r.match.matchId,
      peer: { id: r.match.peerId, displayName: r.match.peerName },
      difficulty: r.match.difficulty,
      topics: r.match.topics,
      language: r.match.language,
      mode: r.match.mode,
      minutes: r.match.minutes,
      roomId: r.match.roomId,
    };
  }
  if (r.status === 'relaxed') return { status: 'relaxed', requestId: r.requestId, deadline: iso(r.deadline) };
  return { status: 'queued', requestId: r.requestId, deadline: iso(r.strictDeadline) };
}

export function timedOutMessage(r: StoredRequest, strictWindowMs: number): MatchStatusMessage {
  const seconds = Math.round(strictWindowMs / 1000);
  const message = r.allowRelaxed
    ? 'No partner was found, even at other difficulties. Try again, or pick more topics.'
    : `No partner was found within ${seconds} seconds. Try again, or allow other difficulties or more topics.`;
  return { status: 'timed_out', requestId: r.requestId, message };
}

export function roomFailedMessage(r: StoredRequest, failure: RoomFailedPayload): MatchStatusMessage {
  return {
    status: 'error',
    requestId: r.requestId,
    code: failure.reason === 'no_question' ? 'no_question' : 'room_failed',
    message: failure.message,
  };
}

export function matchFoundPayload(pair: StoredPair): MatchFoundPayload {
  const side = (r: StoredRequest) => ({
    userId: r.userId,
    displayName: r.displayName,
    requestId: r.requestId,
    criteria: criteriaOf(r),
    requestedAt: iso(r.createdAt),
  });
  return {
    matchId: pair.matchId,
    users: [side(pair.requests[0]), side(pair.requests[1])],
    difficulty: pair.difficulty,
    topics: pair.topics,
    language: pair.language,
    mode: pair.mode,
    minutes: pair.minutes,
    relaxed: pair.relaxed,
    matchedAt: iso(pair.matchedAt),
  };
}
