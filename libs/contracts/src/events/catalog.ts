import { z } from 'zod';
import { defineEvent, type EventEnvelope } from './envelope';

/**
 * The event catalog: every event type in the platform, its version and its
 * payload schema. Publishers and consumers both validate against it, so a
 * change here breaks the build of every service that uses the event.
 */
export const eventCatalog = {
  'user.deleted': defineEvent(1, z.object({ userId: z.uuid() })),
} as const;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventPayload<T extends EventType> = z.infer<EventCatalog[T]['payload']>;
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: EventEnvelope<K, EventPayload<K>>;
}[T];
