import { tokenVerifierFromConfig, type TokenVerifier } from '@peerprep/auth';
import { messagingDependency, RedisIdempotencyStore, type Messaging } from '@peerprep/messaging';
import { createLogger, createService, redisDependency, type Logger, type Service } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import type { MatchingConfig } from './config';
import { matchingRoutes } from './matching/matching.routes';
import { createMatchingService as createMatchingDomain, type MatchingService } from './matching/matching.service';
import { createQueueRepository } from './matching/queue.repository';
import { createStatusChannel } from './matching/status-channel';
import { createSweeper } from './matching/sweeper';
import { createHttpTopicCatalog, type TopicCatalog } from './matching/topic-catalog';

export interface MatchingServiceDeps {
  config: MatchingConfig;
  /** Without keyPrefix: the queue's keys are built from MATCH_KEY_PREFIX. */
  redis: Redis;
  messaging: Messaging;
  logger?: Logger;
  /** Defaults to the one the config describes (AUTH_PUBLIC_KEY, else AUTH_JWKS_URL). */
  verifier?: TokenVerifier;
  /** Defaults to question-service's GET /api/topics at QUESTION_SERVICE_URL. */
  topics?: TopicCatalog;
  /** The durable queue of room events (default 'matching-service'; tests use their own). */
  eventsQueue?: string;
}

export interface MatchingApp extends Service {
  readonly matching: MatchingService;
}

/**
 * The matchmaking service: its queue lives in Redis (atomic Lua steps), its
 * outcomes travel as events over RabbitMQ, and users hear their status live
 * over a WebSocket fanned out between replicas through Redis pub/sub.
 */
export function createMatchingService(deps: MatchingServiceDeps): MatchingApp {
  const { config, redis, messaging } = deps;
  const logger =
    deps.logger ??
    createLogger({ name: 'matching-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  const verifier = deps.verifier ?? tokenVerifierFromConfig(config);
  const queue = createQueueRepository(redis, config.MATCH_KEY_PREFIX);
  const subscriber = redis.duplicate();
  const topics =
    deps.topics ??
    createHttpTopicCatalog({ questionServiceUrl: config.QUESTION_SERVICE_URL, ttlMs: config.TOPICS_CACHE_TTL_MS, logger });

  const status = createStatusChannel({
    redis,
    subscriber,
    queue,
    verifier,
    logger,
    disconnectGraceMs: config.MATCH_DISCONNECT_GRACE_MS,
    currentStatus: (userId) => matching.currentStatus(userId),
    onAbandoned: (userId) => matching.cancelIfAbandoned(userId),
  });
  const matching: MatchingService = createMatchingDomain({
    queue,
    topics,
    status,
    messaging,
    logger,
    windows: {
      strictWindowMs: config.MATCH_STRICT_WINDOW_MS,
      relaxedWindowMs: config.MATCH_RELAXED_WINDOW_MS,
      roomHoldMs: config.MATCH_ROOM_HOLD_MS,
    },
  });
  const sweeper = createSweeper(matching, config.MATCH_SWEEP_INTERVAL_MS, logger);

  const service = createService({
    name: 'matching-service',
    config,
    logger,
    dependencies: [redisDependency(redis), messagingDependency(messaging)],
    routes: (app) => app.use(matchingRoutes({ matching, verifier })),
    onUpgrade: (req, socket, head) => status.handleUpgrade(req, socket, head),
    onDrainStart: () => status.closeAll(),
    onShutdown: async () => {
      await sweeper.stop();
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  });

  return {
    ...service,
    matching,
    async start() {
      await messaging.subscribe({
        queue: deps.eventsQueue ?? 'matching-service',
        idempotency: new RedisIdempotencyStore(redis, { prefix: `${config.MATCH_KEY_PREFIX}events:` }),
        handlers: {
          'room.created': (event) => matching.roomCreated(event.payload),
          'room.failed': (event) => matching.roomFailed(event.payload),
          'room.closed': (event) => matching.roomClosed(event.payload),
        },
      });
      const started = await service.start();
      sweeper.start();
      return started;
    },
  };
}
