import { z } from 'zod';
import { DEFAULT_EXCHANGE } from './naming';

/**
 * The variables of a service that consumes events, for its env schema
 * (`...eventsEnvVariables('matching-service')`): main.ts passes
 * EVENTS_EXCHANGE to createMessaging and the app subscribes with
 * EVENTS_QUEUE, so every consumer is pointed at its exchange and queue the
 * same way (a test, a bench or a second environment on one broker uses its own).
 */
export function eventsEnvVariables(defaultQueue: string) {
  return {
    /** The domain events' topic exchange. */
    EVENTS_EXCHANGE: z.string().min(1).default(DEFAULT_EXCHANGE),
    /** The durable queue this service consumes its events from. */
    EVENTS_QUEUE: z.string().min(1).default(defaultQueue),
  };
}
