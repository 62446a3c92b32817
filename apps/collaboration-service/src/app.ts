import { closeSocketsOnRevocation, createRevocationList, tokenVerifierFromConfig, type RevocationList, type TokenVerifier } from '@peerprep/auth';
import {
  createPrismaOutboxRelay,
  messagingDependency,
  RedisIdempotencyStore,
  registerDeadLetterMetrics,
  type Messaging,
} from '@peerprep/messaging';
import {
  createMetrics,
  createService,
  createSweeper,
  redisDependency,
  sqlDependency,
  type DependencyCheck,
  type Logger,
  type Service,
} from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import { Pool } from 'pg';
import { Gauge } from 'prom-client';
import type { CollaborationConfig } from '@peerprep/collaboration-service-config';
import { callsRoutes } from './calls/calls.routes';
import { createLiveRooms, type LiveRooms } from './collab/live-rooms';
import { createCollabSocket } from './collab/socket/collab-socket';
import type { PrismaClient } from './db/prisma';
import { createDocumentStore } from './documents/document-store';
import { createHistoryRepository } from './history/history.repository';
import { createFeedbackRepository } from './feedback/feedback.repository';
import { feedbackRoutes } from './feedback/feedback.routes';
import { createFeedbackService } from './feedback/feedback.service';
import { createInterviewRoundsRepository } from './interview/interview-rounds.repository';
import { createInterviewRounds } from './interview/interview-rounds.service';
import { interviewRoutes } from './interview/interview.routes';
import { createRoomInterviews, type RoomInterviews } from './interview/room-interviews';
import { createInterviewPaneRepository } from './interview-pane/interview-pane.repository';
import { interviewPaneRoutes } from './interview-pane/interview-pane.routes';
import { createInterviewPaneService } from './interview-pane/interview-pane.service';
import { createCachedMaterialSource } from './interview-pane/material-cache';
import { createHttpInterviewerMaterialSource, type InterviewerMaterialSource } from './questions/interviewer-material-source';
import { createHttpQuestionPicker, type QuestionPicker } from './questions/question-picker';
import { createHttpQuestionSource, type QuestionSource } from './questions/question-source';
import { createRunRateLimit } from './runs/run-rate-limit';
import { runsRoutes } from './runs/runs.routes';
import { createRunsRepository } from './runs/runs.repository';
import { createExecutionJobQueue } from './runs/job-queue';
import { createRunsService, type JobQueue, type RunsService } from './runs/runs.service';
import { collaborationRoutes } from './rooms/rooms.routes';
import { createRoomsRepository } from './rooms/rooms.repository';
import { createRoomsService, type RoomsService } from './rooms/rooms.service';

/**
 * How long a question's interviewer material is reused: it changes only when
 * an admin edits the question, while each pane open and hint release reads it.
 */
const MATERIAL_CACHE_MS = 30_000;

export interface AppDeps {
  config: CollaborationConfig;
  prisma: PrismaClient;
  /** Without keyPrefix: channels are built from COLLAB_KEY_PREFIX. */
  redis: Redis;
  messaging: Messaging;
  /** main.ts makes it first: the connections it opens before the app log through it too. */
  logger: Logger;
  /** Defaults to the one the config describes (AUTH_PUBLIC_KEY, else AUTH_JWKS_URL). */
  verifier?: TokenVerifier;
  /** Defaults to the one in Redis under AUTH_REVOCATION_PREFIX. */
  revocations?: RevocationList;
  /** Defaults to question-service's internal picker at QUESTION_SERVICE_URL. */
  picker?: QuestionPicker;
  /** Defaults to question-service's question reads (hidden tests included) at QUESTION_SERVICE_URL. */
  questions?: QuestionSource;
  /** execution-service's work queue; defaults to the one the config names (runs/job-queue.ts). */
  jobs?: JobQueue & DependencyCheck;
  /** Draws round one's interviewer of each mock interview ([0, 1)); Math.random by default. */
  random?: () => number;
  /** Defaults to question-service's internal interviewer material at QUESTION_SERVICE_URL (cached 30 s here either way). */
  interviewerMaterial?: InterviewerMaterialSource;
  /** The clock feedback visibility and notes' deadline are judged by (ms since the epoch); Date.now by default, tests move it. */
  now?: () => number;
}

export interface CollaborationApp extends Service {
  readonly rooms: RoomsService;
  readonly liveRooms: LiveRooms;
  readonly runs: RunsService;
  readonly interviews: RoomInterviews;
}

/**
 * Rooms, their shared Yjs documents and attempt history. Opens a room for
 * every match, serves the y-websocket protocol to the room's two
 * participants, fans edits out to the other replicas through Redis, and keeps
 * every update in Postgres.
 */
export function createApp(deps: AppDeps): CollaborationApp {
  const { config, prisma, redis, messaging, logger } = deps;
  // No verified-token cache: an editor socket verifies its token once, so a
  // cache would only keep two tokens per room in memory until they expire.
  const revocations = deps.revocations ?? createRevocationList({ redis, prefix: config.AUTH_REVOCATION_PREFIX });
  const verifier = deps.verifier ?? tokenVerifierFromConfig(config, { cacheSize: 0, revocations });
  const picker =
    deps.picker ??
    createHttpQuestionPicker({ questionServiceUrl: config.QUESTION_SERVICE_URL, internalToken: config.INTERNAL_API_TOKEN, logger });
  const subscriber = redis.duplicate();
  // The document log's own small pool (see createDocumentStore), closed on shutdown.
  const documentPool = new Pool({ connectionString: config.DATABASE_URL, max: 4 });
  documentPool.on('error', (error) => logger.warn({ err: error }, 'idle document-store connection failed'));
  const liveRooms = createLiveRooms({
    redis,
    subscriber,
    store: createDocumentStore(documentPool),
    logger,
    keyPrefix: config.COLLAB_KEY_PREFIX,
    flushIntervalMs: config.COLLAB_FLUSH_INTERVAL_MS,
    compactAfterUpdates: config.COLLAB_COMPACT_AFTER_UPDATES,
    lingerMs: config.COLLAB_ROOM_LINGER_MS,
    // A mock interview starts once both peers connected, and shows its state on every connection.
    presence: {
      connected: (roomId, userId) => roomInterviews.presence.connected(roomId, userId),
      disconnected: (roomId, userId) => roomInterviews.presence.disconnected(roomId, userId),
    },
  });
  const metrics = createMetrics('collaboration-service');
  // Publishes the room events committed with the rooms' changes, with confirms.
  const outbox = createPrismaOutboxRelay({ name: 'collaboration-service', prisma, messaging, logger, registry: metrics.registry });
  registerDeadLetterMetrics(metrics.registry, messaging, [config.EVENTS_QUEUE]);
  const roomsRepository = createRoomsRepository(prisma);
  // rooms/ and interview/ need each other (ending a session ends the round; the interview's end closes the room): each gets the other's functions, called only once both exist.
  const roomInterviews = createRoomInterviews({
    interviews: createInterviewRounds({ repository: createInterviewRoundsRepository(prisma), now: Date.now, random: deps.random ?? Math.random }),
    findRoom: (roomId) => roomsRepository.findById(roomId),
    participantRoom: (user, roomId) => roomsService.participantRoom(user, roomId),
    closeRoom: (roomId) => roomsService.closeFinishedInterview(roomId),
    documents: liveRooms,
    roundSecondsOverride: config.INTERVIEW_ROUND_SECONDS_OVERRIDE,
    now: Date.now,
    logger,
  });
  const roomsService = createRoomsService({
    rooms: roomsRepository,
    liveRooms,
    picker,
    outbox,
    logger,
    endSettleMs: config.COLLAB_END_SETTLE_MS,
    interviews: roomInterviews,
  });
  const jobs = deps.jobs ?? createExecutionJobQueue(config, logger);
  const runs = createRunsRepository(prisma);
  const runsService = createRunsService({
    runs,
    rooms: roomsService,
    interviews: roomInterviews,
    questions:
      deps.questions ??
      createHttpQuestionSource({ questionServiceUrl: config.QUESTION_SERVICE_URL, internalToken: config.INTERNAL_API_TOKEN, logger }),
    jobs,
    announcer: liveRooms,
    rateLimit: createRunRateLimit(redis, { keyPrefix: config.COLLAB_KEY_PREFIX, perMinute: config.RUNS_PER_MINUTE }),
    logger,
  });
  const now = deps.now ?? Date.now;
  const materials = createCachedMaterialSource(
    deps.interviewerMaterial ??
      createHttpInterviewerMaterialSource({ questionServiceUrl: config.QUESTION_SERVICE_URL, internalToken: config.INTERNAL_API_TOKEN, logger }),
    { ttlMs: MATERIAL_CACHE_MS },
  );
  // The pane and feedback read the rounds as stored (who interviewed which round), never drive them.
  const storedInterviews = { rooms: roomsService, interviews: createInterviewRoundsRepository(prisma) };
  const pane = createInterviewPaneService({
    ...storedInterviews,
    repository: createInterviewPaneRepository(prisma),
    materials,
    announcer: liveRooms,
    now,
  });
  const feedback = createFeedbackService({
    ...storedInterviews,
    repository: createFeedbackRepository(prisma),
    materials,
    history: createHistoryRepository(prisma),
    notes: pane,
    outbox,
    now,
  });
  const socket = createCollabSocket({
    verifier,
    admission: roomsService,
    liveRooms,
    logger,
    registry: metrics.registry,
    heartbeatMs: config.COLLAB_HEARTBEAT_MS,
    maxSocketsPerUser: config.COLLAB_MAX_SOCKETS_PER_USER,
  });

  // Every replica sweeps; closing is a conditional update, so a room closes once.
  const sweeper = createSweeper({
    intervalMs: config.COLLAB_IDLE_SWEEP_MS,
    sweep: async () => {
      const closed = await roomsService.closeIdleRooms(config.COLLAB_IDLE_CLOSE_MS);
      if (closed > 0) logger.info({ closed }, 'closed idle rooms');
      const failed = await runsService.failStaleRuns(config.RUN_STALE_MS);
      if (failed > 0) logger.warn({ failed }, 'failed runs nobody finished in time');
    },
    onError: (error) => logger.error({ err: error }, 'sweeping idle rooms and stale runs failed'),
  });

  // A signed-out session, or a user whose password or role changed, loses its editor sockets on every replica.
  const stopClosingRevoked = closeSocketsOnRevocation(revocations, socket);
  const service = createService({
    name: 'collaboration-service',
    config,
    logger,
    metrics,
    dependencies: [sqlDependency(prisma), redisDependency(redis), messagingDependency(messaging), jobs],
    routes: (app) => {
      app.use(collaborationRoutes({ roomsService, history: createHistoryRepository(prisma), runs, verifier }));
      app.use(runsRoutes({ runsService, verifier }));
      const turn = { urls: config.TURN_URLS, secret: config.TURN_SECRET, ttlSeconds: config.TURN_CREDENTIAL_TTL_SECONDS };
      app.use(callsRoutes({ roomsService, turn, verifier }));
      app.use(interviewRoutes({ interviews: roomInterviews, verifier }));
      app.use(interviewPaneRoutes({ pane, verifier }));
      app.use(feedbackRoutes({ feedback, verifier }));
    },
    onUpgrade: (req, sock, head) => socket.handleUpgrade(req, sock, head),
    onDrainStart: async () => {
      await Promise.all([sweeper.stop(), socket.closeAll()]);
      // After the sockets: their closing steps the interviews' departures, which finish before the pools close.
      await roomInterviews.stop();
    },
    onShutdown: async () => {
      stopClosingRevoked();
      await revocations.close();
      await outbox.close();
      await subscriber.quit().catch(() => subscriber.disconnect());
      await documentPool.end();
    },
  });

  const gauges = {
    collab_live_rooms: ['Rooms held in memory by this replica', () => liveRooms.stats().rooms],
    collab_connections: ['Open editor connections on this replica', () => liveRooms.stats().connections],
    collab_dropped_writes_total: ['Client writes dropped because their room was closed', () => liveRooms.stats().droppedWrites],
  } as const;
  for (const [name, [help, read]] of Object.entries(gauges)) {
    new Gauge({ name, help, registers: [service.metrics.registry], collect() {
      this.set(read());
    } });
  }

  return {
    ...service,
    rooms: roomsService,
    liveRooms,
    runs: runsService,
    interviews: roomInterviews,
    async start() {
      await messaging.subscribe({
        queue: config.EVENTS_QUEUE,
        idempotency: new RedisIdempotencyStore(redis, { prefix: `${config.COLLAB_KEY_PREFIX}events:` }),
        handlers: {
          'match.found': (event) => roomsService.openRoom(event.payload),
          'user.deleted': async (event) => {
            // Each step is idempotent: a redelivery after a failure part-way redoes them all.
            await roomsService.anonymiseUser(event.payload.userId);
            await pane.forgetUser(event.payload.userId);
            await feedback.forgetUser(event.payload.userId);
          },
          'execution.progressed': (event) => runsService.applyProgress(event.payload),
          'execution.finished': (event) => runsService.applyFinished(event.payload),
        },
      });
      outbox.start();
      const started = await service.start();
      sweeper.start();
      // Every replica times every running interview (round-scheduler.ts): no deadline depends on one replica.
      await roomInterviews.start();
      return started;
    },
  };
}
