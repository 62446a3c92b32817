import { closeSocketsOnRevocation, createRevocationList, tokenVerifierFromConfig, type RevocationList, type TokenVerifier } from '@peerprep/auth';
import {
  createEvent,
  createOutboxRelay,
  createRedisStreamOutboxStore,
  messagingDependency,
  RedisIdempotencyStore,
  registerDeadLetterMetrics,
  type Messaging,
} from '@peerprep/messaging';
import type { MatchingConfig } from '@peerprep/matching-service-config';
import { createMetrics, createService, createSweeper, redisDependency, type Logger, type Service } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import { matchingRoutes } from './matching/matching.routes';
import { createMatchingService, type MatchingService } from './matching/matching.service';
import { matchFoundPayload } from './matching/match-messages';
import { createQueueRepository, decodeOutboxPair, matchOutboxStream } from './matching/queue.repository';
import { createStatusChannel } from './matching/status-channel';
import { createHttpTopicCatalog, type TopicCatalog } from './matching/topic-catalog';

/** Due requests claimed per sweep step; a full batch means more may be due. */
const SWEEP_BATCH = 100;

export interface AppDeps {
  config: MatchingConfig;
  /** Without keyPrefix: the queue's keys are built from MATCH_KEY_PREFIX. */
  redis: Redis;
  messaging: Messaging;
  /** main.ts makes it first: the connections it opens before the app log through it too. */
  logger: Logger;
  /** Defaults to the one the config describes (AUTH_PUBLIC_KEY, else AUTH_JWKS_URL). */
  verifier?: TokenVerifier;
  /** Defaults to the one in Redis under AUTH_REVOCATION_PREFIX. */
  revocations?: RevocationList;
  /** Defaults to question-service's GET /api/topics at QUESTION_SERVICE_URL. */
  topics?: TopicCatalog;
}

export interface MatchingApp extends Service {
  readonly matching: MatchingService;
}

/**
 * The matchmaking service: its queue lives in Redis (atomic Lua steps), its
 * outcomes travel as events over RabbitMQ, and users hear their status live
 * over a WebSocket fanned out between replicas through Redis pub/sub.
 */
export function createApp(deps: AppDeps): MatchingApp {
  const { config, redis, messaging, logger } = deps;
  const revocations = deps.revocations ?? createRevocationList({ redis, prefix: config.AUTH_REVOCATION_PREFIX });
  const verifier = deps.verifier ?? tokenVerifierFromConfig(config, { revocations });
  const queue = createQueueRepository(redis, config.MATCH_KEY_PREFIX);
  const subscriber = redis.duplicate();
  const topics =
    deps.topics ??
    createHttpTopicCatalog({ questionServiceUrl: config.QUESTION_SERVICE_URL, ttlMs: config.TOPICS_CACHE_TTL_MS, logger });

  const metrics = createMetrics('matching-service');
  const status = createStatusChannel({
    redis,
    subscriber,
    queue,
    verifier,
    logger,
    registry: metrics.registry,
    disconnectGraceMs: config.MATCH_DISCONNECT_GRACE_MS,
    maxSocketsPerUser: config.MATCH_MAX_SOCKETS_PER_USER,
    currentStatus: (userId) => matching.currentStatus(userId),
    onAbandoned: (userId) => matching.cancelIfAbandoned(userId),
  });
  // A signed-out session, or a user whose password or role changed, loses its status sockets on every replica.
  const stopClosingRevoked = closeSocketsOnRevocation(revocations, status);
  // Publishes the match.found events the pairing scripts wrote to the outbox
  // stream, with confirms; replicas share the stream's consumer group. The
  // event id is the match id, so a re-published entry is a duplicate consumers skip.
  const outbox = createOutboxRelay({
    name: 'matching-service',
    store: createRedisStreamOutboxStore(redis, {
      stream: matchOutboxStream(config.MATCH_KEY_PREFIX),
      toEnvelope: (fields) => {
        const pair = decodeOutboxPair(fields['pair'] ?? 'null');
        return createEvent('match.found', matchFoundPayload(pair), { id: pair.matchId });
      },
    }),
    messaging,
    logger,
    registry: metrics.registry,
  });
  registerDeadLetterMetrics(metrics.registry, messaging, [config.EVENTS_QUEUE]);
  const matching: MatchingService = createMatchingService({
    queue,
    topics,
    status,
    outbox,
    logger,
    windows: {
      strictWindowMs: config.MATCH_STRICT_WINDOW_MS,
      relaxedWindowMs: config.MATCH_RELAXED_WINDOW_MS,
      roomHoldMs: config.MATCH_ROOM_HOLD_MS,
    },
  });
  // Every replica sweeps. The sweep script claims each due request atomically,
  // so replicas never relax or time out the same request twice; the deadlines
  // live in Redis, so a replica started after all others died catches up on
  // its first sweep (at start).
  const sweeper = createSweeper({
    intervalMs: config.MATCH_SWEEP_INTERVAL_MS,
    sweepOnStart: true,
    sweep: async () => {
      while ((await matching.sweepDue(SWEEP_BATCH)) === SWEEP_BATCH) {
        /* a full batch: more may be due before the next tick */
      }
    },
    onError: (error) => logger.warn({ err: error }, 'sweeping due match requests failed'),
  });

  const service = createService({
    name: 'matching-service',
    config,
    logger,
    metrics,
    dependencies: [redisDependency(redis), messagingDependency(messaging)],
    routes: (app) => app.use(matchingRoutes({ matching, verifier })),
    onUpgrade: (req, socket, head) => status.handleUpgrade(req, socket, head),
    onDrainStart: () => status.closeAll(),
    onShutdown: async () => {
      stopClosingRevoked();
      await revocations.close();
      await sweeper.stop();
      await outbox.close();
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  });

  return {
    ...service,
    matching,
    async start() {
      await messaging.subscribe({
        queue: config.EVENTS_QUEUE,
        idempotency: new RedisIdempotencyStore(redis, { prefix: `${config.MATCH_KEY_PREFIX}events:` }),
        handlers: {
          'room.created': (event) => matching.roomCreated(event.payload),
          'room.failed': (event) => matching.roomFailed(event.payload),
          'room.closed': (event) => matching.roomClosed(event.payload),
          'peer.blocked': (event) => matching.peerBlocked(event.payload),
          'user.deleted': (event) => matching.userDeleted(event.payload.userId),
        },
      });
      outbox.start();
      const started = await service.start();
      sweeper.start();
      return started;
    },
  };
}
