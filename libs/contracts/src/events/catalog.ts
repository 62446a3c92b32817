import type { z } from 'zod';
import { defineEvent, type EventEnvelope } from './envelope';
import {
  attemptSavedPayloadSchema,
  executionFinishedPayloadSchema,
  executionProgressedPayloadSchema,
  matchFoundPayloadSchema,
  peerBlockedPayloadSchema,
  questionChangedPayloadSchema,
  questionDeletedPayloadSchema,
  roomClosedPayloadSchema,
  roomCreatedPayloadSchema,
  roomFailedPayloadSchema,
  userDeletedPayloadSchema,
} from './payloads';

/**
 * The event catalog: every event type in the platform, its version and its
 * payload schema. Publishers and consumers both validate against it, so a
 * change here breaks the build of every service that uses the event.
 * The type doubles as the routing key (`<entity>.<past-tense verb>`).
 */
export const eventCatalog = {
  'user.deleted': defineEvent(1, userDeletedPayloadSchema),
  'question.created': defineEvent(1, questionChangedPayloadSchema),
  'question.updated': defineEvent(1, questionChangedPayloadSchema),
  'question.deleted': defineEvent(1, questionDeletedPayloadSchema),
  'match.found': defineEvent(1, matchFoundPayloadSchema),
  'room.created': defineEvent(1, roomCreatedPayloadSchema),
  'room.failed': defineEvent(1, roomFailedPayloadSchema),
  'room.closed': defineEvent(1, roomClosedPayloadSchema),
  'attempt.saved': defineEvent(1, attemptSavedPayloadSchema),
  'peer.blocked': defineEvent(1, peerBlockedPayloadSchema),
  'execution.progressed': defineEvent(1, executionProgressedPayloadSchema),
  'execution.finished': defineEvent(1, executionFinishedPayloadSchema),
} as const;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventPayload<T extends EventType> = z.infer<EventCatalog[T]['payload']>;
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: EventEnvelope<K, EventPayload<K>>;
}[T];

/** Every event type, e.g. for binding a queue or listing in docs. */
export const EVENT_TYPES = Object.keys(eventCatalog) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}
