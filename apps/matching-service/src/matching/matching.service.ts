import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '@peerprep/auth';
import type {
  CreateMatchRequest,
  MatchRequestView,
  MatchStatusMessage,
  PeerBlockedPayload,
  RoomClosedPayload,
  RoomCreatedPayload,
  RoomFailedPayload,
} from '@peerprep/contracts';
import type { OutboxRelay } from '@peerprep/messaging';
import { ConflictError, NotFoundError, type Logger } from '@peerprep/service-kit';
import {
  requestView,
  roomFailedMessage,
  statusMessage,
  timedOutMessage,
} from './match-messages';
import type { QueueRepository, StoredPair } from './queue.repository';
import type { TopicCatalog } from './topic-catalog';

/** Where status messages go: every socket of the user, on whichever replica. */
export interface StatusPublisher {
  publish(userId: string, message: MatchStatusMessage): void;
}

export interface MatchingWindows {
  strictWindowMs: number;
  relaxedWindowMs: number;
  /** How long a matched user stays "in a room" without a room event (0: not held). */
  roomHoldMs: number;
}

export interface MatchingServiceDeps {
  queue: QueueRepository;
  topics: TopicCatalog;
  status: StatusPublisher;
  /** Told after a pairing (whose script wrote match.found to the outbox stream) so it publishes now. */
  outbox: Pick<OutboxRelay, 'wake'>;
  windows: MatchingWindows;
  logger: Logger;
  now?: () => number;
}

export interface MatchingService {
  createRequest(user: AuthenticatedUser, criteria: CreateMatchRequest, correlationId?: string): Promise<MatchRequestView>;
  /** The active request, or null when there is none (a normal state, not an error). */
  currentRequest(userId: string): Promise<MatchRequestView | null>;
  cancelRequest(userId: string): Promise<void>;
  /** The disconnect rule: cancel only if the user still has no status socket on any replica. */
  cancelIfAbandoned(userId: string): Promise<boolean>;
  /** Ends due phases (relax or time out); returns how many requests it touched. */
  sweepDue(limit?: number): Promise<number>;
  currentStatus(userId: string): Promise<MatchStatusMessage | null>;
  roomCreated(payload: RoomCreatedPayload): Promise<void>;
  roomFailed(payload: RoomFailedPayload): Promise<void>;
  roomClosed(payload: RoomClosedPayload): Promise<void>;
  /** The two are never paired again; a request of either already waiting skips the other from now on. */
  peerBlocked(payload: PeerBlockedPayload): Promise<void>;
  /** A deleted account's blocks go with it. */
  userDeleted(userId: string): Promise<void>;
}

export function createMatchingService(deps: MatchingServiceDeps): MatchingService {
  const { queue, topics, status, outbox, windows, logger } = deps;
  const now = deps.now ?? Date.now;

  function announceMatch(pair: StoredPair): void {
    for (const request of pair.requests) status.publish(request.userId, statusMessage(request));
    // The pairing script wrote match.found to the outbox stream with the pair.
    outbox.wake();
  }

  return {
    async createRequest(user, criteria) {
      await topics.assertAvailable(criteria.difficulty, criteria.topics);
      const at = now();
      const strictDeadline = at + windows.strictWindowMs;
      const requestId = randomUUID();
      const result = await queue.enqueue(
        {
          requestId,
          userId: user.id,
          displayName: user.displayName,
          mode: criteria.mode,
          minutes: criteria.minutes,
          difficulty: criteria.difficulty,
          topics: criteria.topics,
          language: criteria.language,
          allowRelaxed: criteria.allowRelaxed,
          now: at,
          strictDeadline,
          deadline: criteria.allowRelaxed ? strictDeadline + windows.relaxedWindowMs : strictDeadline,
        },
        windows.roomHoldMs,
      );
      if (result.outcome === 'conflict') {
        const inRoom = result.status === 'matched';
        throw new ConflictError(
          inRoom ? 'You are already matched; finish that session first' : 'You already have a match request waiting',
          [{ field: 'request', message: inRoom ? 'already matched' : 'already waiting' }],
        );
      }
      if (result.outcome === 'matched') {
        announceMatch(result.pair);
        const mine = result.pair.requests.find((r) => r.requestId === requestId) ?? result.pair.requests[1];
        return requestView(mine);
      }
      const view: MatchRequestView = {
        requestId,
        status: 'queued',
        criteria,
        createdAt: new Date(at).toISOString(),
        strictDeadline: new Date(strictDeadline).toISOString(),
        deadline: new Date(criteria.allowRelaxed ? strictDeadline + windows.relaxedWindowMs : strictDeadline).toISOString(),
        match: null,
      };
      status.publish(user.id, { status: 'queued', requestId, deadline: view.strictDeadline });
      return view;
    },

    async currentRequest(userId) {
      const current = await queue.current(userId);
      return current ? requestView(current) : null;
    },

    async cancelRequest(userId) {
      const result = await queue.cancel(userId, false);
      if (result.outcome === 'none') throw new NotFoundError('You have no match request');
      if (result.outcome === 'matched') {
        throw new ConflictError('You are already matched; the request can no longer be cancelled', [
          { field: 'request', message: 'already matched' },
        ]);
      }
      status.publish(userId, { status: 'cancelled', requestId: result.requestId, reason: 'user' });
    },

    async cancelIfAbandoned(userId) {
      const result = await queue.cancel(userId, true);
      if (result.outcome !== 'cancelled') return false;
      status.publish(userId, { status: 'cancelled', requestId: result.requestId, reason: 'disconnected' });
      return true;
    },

    async sweepDue(limit = 100) {
      const outcomes = await queue.sweep(now(), limit, windows.roomHoldMs);
      for (const outcome of outcomes) {
        if (outcome.outcome === 'matched') announceMatch(outcome.pair);
        else if (outcome.outcome === 'relaxed') status.publish(outcome.request.userId, statusMessage(outcome.request));
        else status.publish(outcome.request.userId, timedOutMessage(outcome.request, windows.strictWindowMs));
      }
      return outcomes.length;
    },

    async currentStatus(userId) {
      const current = await queue.current(userId);
      return current ? statusMessage(current) : null;
    },

    async roomCreated(payload) {
      const result = await queue.room(payload.matchId, payload.roomId);
      if (result.outcome === 'none') {
        logger.warn({ matchId: payload.matchId }, 'room.created for a match this queue no longer holds');
        return;
      }
      for (const request of result.requests) status.publish(request.userId, statusMessage(request));
    },

    async roomFailed(payload) {
      const result = await queue.room(payload.matchId, null);
      if (result.outcome === 'none') return;
      for (const request of result.requests) status.publish(request.userId, roomFailedMessage(request, payload));
    },

    async roomClosed(payload) {
      await queue.room(payload.matchId, null);
    },

    async peerBlocked(payload) {
      // Blocking oneself means nothing: nobody is ever paired with themself.
      if (payload.blockerId === payload.blockedId) return;
      await queue.block(payload.blockerId, payload.blockedId);
    },

    async userDeleted(userId) {
      await queue.forgetBlocks(userId);
    },
  };
}
