import { authEnvSchema } from '@peerprep/auth';
import { eventsEnvVariables } from '@peerprep/messaging';
import { baseEnvSchema, connectionVariables, millisecondsVariable, portVariable } from '@peerprep/service-kit';
import { z } from 'zod';

export const matchingEnvSchema = baseEnvSchema.extend({
  ...authEnvSchema.shape,
  PORT: portVariable(3004),
  REDIS_URL: connectionVariables.redis(),
  AMQP_URL: connectionVariables.amqp(),
  /** EVENTS_EXCHANGE / EVENTS_QUEUE: where it consumes room events from. */
  ...eventsEnvVariables('matching-service'),
  /** question-service, asked which topics and difficulties have questions. */
  QUESTION_SERVICE_URL: connectionVariables.http('http://127.0.0.1:3003'),
  /** How long the topic list is trusted before it is fetched again (in the background). */
  TOPICS_CACHE_TTL_MS: millisecondsVariable(30_000),
  /** Every Redis key and pub/sub channel of the queue starts with this (tests use their own). */
  MATCH_KEY_PREFIX: z.string().min(1).max(100).default('matching:'),
  /** Same difficulty only, this long after the request. */
  MATCH_STRICT_WINDOW_MS: millisecondsVariable(30_000),
  /** Then, for users who allowed it, any difficulty on a shared topic for this long. */
  MATCH_RELAXED_WINDOW_MS: millisecondsVariable(30_000),
  /** A waiting user whose every status socket closed is removed after this grace (survives a reload). */
  MATCH_DISCONNECT_GRACE_MS: millisecondsVariable(5_000, 0),
  /** Status sockets one user may hold on one replica (open or being admitted); one more is closed with 4429. */
  MATCH_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(8),
  /** How often each replica looks for requests whose window ended. */
  MATCH_SWEEP_INTERVAL_MS: millisecondsVariable(250),
  /**
   * How long a matched user counts as "in a room" (409 on a new request) when
   * no room.closed / room.failed arrives first. 0: never held (benchmarks, or
   * running without collaboration-service).
   */
  MATCH_ROOM_HOLD_MS: millisecondsVariable(4 * 60 * 60 * 1000, 0),
});

export type MatchingConfig = z.infer<typeof matchingEnvSchema>;
