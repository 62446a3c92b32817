import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  INTERNAL_TOKEN_HEADER,
  interviewerMaterialPath,
  PICK_QUESTION_PATH,
  releasedHintSchema,
  ROOM_HINT_MESSAGE_TYPE,
  type InterviewerMaterial,
  type ReleasedHint,
  pickQuestionRequestSchema,
  type Difficulty,
  type Language,
  type MatchFoundPayload,
  type Question,
  type RoomClosedPayload,
  type RoomCreatedPayload,
  type RoomFailedPayload,
  type AttemptSavedPayload,
  type SessionLength,
  type SessionMode,
  executionJobSchema,
  type ExecutionJob,
  callSignalEnvelopeSchema,
  type CallSignal,
  type CallSignalEnvelope,
  ROOM_CALL_SIGNAL_MESSAGE_TYPE,
  ROOM_CHAT_MESSAGE_TYPE,
  ROOM_RUN_MESSAGE_TYPE,
  ROOM_INTERVIEW_MESSAGE_TYPE,
  interviewViewSchema,
  type InterviewView,
  runViewSchema,
  type RunView,
} from '@peerprep/contracts';
import { createMessaging, createWorkQueue, type Messaging, type WorkQueue } from '@peerprep/messaging';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createLogger, loadConfig } from '@peerprep/service-kit';
import {
  createTestInfrastructure,
  createTestTokenIssuer,
  startTestService,
  testServiceEnv,
  waitFor,
  type TestInfrastructure,
  type TestTokenIssuer,
} from '@peerprep/testing';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collaborationEnvSchema } from '@peerprep/collaboration-service-config';
import { createApp, type AppDeps, type CollaborationApp } from '../src/app';
import { createPrismaClient, type PrismaClient } from '../src/db/prisma';

export const INTERNAL_TOKEN = 'test-internal-token-0123456789';

export interface TestUser {
  id: string;
  displayName: string;
  token: string;
}

export interface CollabInstance {
  url: string;
  wsUrl: string;
  app: CollaborationApp;
  /** Graceful stop (SIGTERM path). */
  stop(): Promise<void>;
}

export interface SpawnedInstance {
  url: string;
  wsUrl: string;
  kill(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (for a replica that must come back on the same address). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const workspaceRoot = path.resolve(__dirname, '../../..');
const entryPoint = path.join(__dirname, '../src/main.ts');

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  /** Every run message the server sent this client, in order. */
  runs: RunView[];
  /** Every call signal the server sent this client, in order. */
  calls: CallSignalEnvelope[];
  /** Every interview view the server sent this client (message 103), in order. */
  interviews: InterviewView[];
  /** Every released hint the server sent this client (message 104), in order. */
  hints: ReleasedHint[];
  destroy(): void;
}

/** A chat line as the frontend sends it (ROOM_CHAT_MESSAGE_TYPE): the text alone; the server stamps the rest. */
export function encodeChatLine(text: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ROOM_CHAT_MESSAGE_TYPE);
  encoding.writeVarString(encoder, text);
  return encoding.toUint8Array(encoder);
}

/** A call signal as the frontend sends it (ROOM_CALL_SIGNAL_MESSAGE_TYPE): the signal alone, as JSON; the server stamps the sender. */
export function encodeCallSignal(signal: CallSignal | string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ROOM_CALL_SIGNAL_MESSAGE_TYPE);
  encoding.writeVarString(encoder, typeof signal === 'string' ? signal : JSON.stringify(signal));
  return encoding.toUint8Array(encoder);
}

const logLevel = (process.env['TEST_LOG_LEVEL'] ?? 'silent') as 'silent';

/** A question of the stub bank: every field the contracts ask for, starter code per language. */
export function testQuestion(overrides: Partial<Question> = {}): Question {
  const id = overrides.id ?? randomUUID();
  const now = new Date().toISOString();
  return {
    id,
    slug: `q-${id.slice(0, 8)}`,
    title: `Question ${id.slice(0, 8)}`,
    difficulty: 'EASY',
    topics: [{ slug: 'arrays', name: 'Arrays' }],
    createdAt: now,
    updatedAt: now,
    statement: 'Return the **sum** of two numbers.',
    examples: [],
    constraints: [],
    hints: [],
    starterCode: {
      javascript: 'function solve(a, b) {\n}\n',
      typescript: 'function solve(a: number, b: number): number {\n}\n',
      python: 'def solve(a, b):\n    pass\n',
      java: 'class Solution {\n}\n',
      cpp: 'int solve(int a, int b) {\n}\n',
    },
    entryPoint: { functionName: 'solve', params: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }], returnType: 'int' },
    testCases: [],
    ...overrides,
  };
}

/**
 * One test file's slice of the platform for collaboration-service: its own
 * database, Redis prefix and RabbitMQ exchange, a stub question-service
 * internal picker (real HTTP), a key pair to sign access tokens, recorders of
 * the room events, and real y-websocket clients.
 */
export class CollabHarness {
  readonly created: RoomCreatedPayload[] = [];
  readonly failed: RoomFailedPayload[] = [];
  readonly closed: RoomClosedPayload[] = [];
  readonly attemptsSaved: AttemptSavedPayload[] = [];
  /** The stub bank; tests replace it. */
  questions: Question[] = [testQuestion()];
  /** Makes the stub answer 503 (question-service down). */
  pickerDown = false;
  /** Every question the stub ever served, by id: what `GET /api/questions/:id` answers (with hidden tests, to internal callers). */
  private readonly served = new Map<string, Question>();
  readonly pickRequests: unknown[] = [];
  /** The stub's interviewer material by question id (`GET /internal/questions/:id/interviewer-material`); tests fill it. */
  readonly materials = new Map<string, InterviewerMaterial>();
  /** Question ids of every interviewer material read the stub answered. */
  readonly materialReads: string[] = [];
  readonly prisma: PrismaClient;
  private readonly instances = new Set<CollabInstance>();
  private readonly clients = new Set<TestClient>();
  private readonly children = new Set<ChildProcess>();
  private pickerServer!: http.Server;
  private tokens!: TestTokenIssuer;
  pickerUrl!: string;
  events!: Messaging;
  /** Jobs taken from the execution work queue by the stand-in for execution-service (startExecutor). */
  readonly jobs: ExecutionJob[] = [];
  private executor: WorkQueue<ExecutionJob> | undefined;

  private constructor(readonly infra: TestInfrastructure<{ label: string; migrationsDir: string; redis: true; rabbit: true }>) {
    this.prisma = createPrismaClient(infra.database.url);
  }

  static async start(label: string): Promise<CollabHarness> {
    const infra = await createTestInfrastructure({
      label,
      migrationsDir: path.join(__dirname, '../prisma/migrations'),
      redis: true,
      rabbit: true,
    });
    const harness = new CollabHarness(infra);
    await harness.init();
    return harness;
  }

  private async init(): Promise<void> {
    this.tokens = await createTestTokenIssuer();

    this.pickerServer = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const reply = (status: number, payload?: unknown) => {
          res.statusCode = status;
          res.setHeader('content-type', 'application/json');
          res.end(payload === undefined ? undefined : JSON.stringify(payload));
        };
        const materialRead = /^\/internal\/questions\/([^/?]+)\/interviewer-material$/.exec(req.url ?? '');
        if (materialRead && req.method === 'GET') {
          if (req.headers[INTERNAL_TOKEN_HEADER] !== INTERNAL_TOKEN) return reply(401, { status: 401 });
          if (this.pickerDown) return reply(503, { status: 503 });
          const id = decodeURIComponent(materialRead[1]);
          this.materialReads.push(id);
          const material = this.materials.get(id);
          return material && req.url === interviewerMaterialPath(id) ? reply(200, material) : reply(404, { status: 404 });
        }
        const questionRead = /^\/api\/questions\/([^/?]+)$/.exec(req.url ?? '');
        if (questionRead && req.method === 'GET') {
          if (req.headers[INTERNAL_TOKEN_HEADER] !== INTERNAL_TOKEN) return reply(401, { status: 401 });
          if (this.pickerDown) return reply(503, { status: 503 });
          const id = decodeURIComponent(questionRead[1]);
          const question = this.served.get(id) ?? this.questions.find((q) => q.id === id);
          return question ? reply(200, question) : reply(404, { status: 404 });
        }
        if (req.url !== PICK_QUESTION_PATH || req.method !== 'POST') return reply(404, { status: 404 });
        if (req.headers[INTERNAL_TOKEN_HEADER] !== INTERNAL_TOKEN) return reply(401, { status: 401 });
        if (this.pickerDown) return reply(503, { status: 503 });
        const pick = pickQuestionRequestSchema.parse(JSON.parse(body));
        this.pickRequests.push(pick);
        const fits = this.questions.filter(
          (q) =>
            (!pick.difficulty || q.difficulty === pick.difficulty) &&
            q.topics.some((topic) => pick.topics.includes(topic.slug)) &&
            !pick.excludeIds.includes(q.id),
        );
        if (fits.length === 0) return reply(404, { status: 404, title: 'No question fits' });
        this.served.set(fits[0].id, fits[0]);
        reply(200, { question: fits[0] });
      });
    });
    await new Promise<void>((resolve) => this.pickerServer.listen(0, '127.0.0.1', resolve));
    this.pickerUrl = `http://127.0.0.1:${(this.pickerServer.address() as AddressInfo).port}`;

    const logger = createLogger({ name: 'observer', level: logLevel });
    const { rabbit } = this.infra;
    this.events = createMessaging({ url: rabbit.url, serviceName: 'observer', exchange: rabbit.exchange, logger });
    await this.events.subscribe({
      queue: rabbit.queueName('observer'),
      prefetch: 100,
      handlers: {
        'room.created': async (event) => void this.created.push(event.payload),
        'room.failed': async (event) => void this.failed.push(event.payload),
        'room.closed': async (event) => void this.closed.push(event.payload),
        'attempt.saved': async (event) => void this.attemptsSaved.push(event.payload),
      },
    });
  }

  /** This file's access-token revocation list (what user-service writes and publishes to). */
  get revocationPrefix(): string {
    return `${this.infra.redis.prefix}revoked:`;
  }

  /** The environment of a replica on this file's database, Redis prefix, exchange and queue. */
  env(overrides: Record<string, string> = {}): Record<string, string> {
    const { redis: testRedis, rabbit, database } = this.infra;
    return {
      ...testServiceEnv,
      DATABASE_URL: database.url,
      REDIS_URL: testRedis.url,
      AMQP_URL: rabbit.url,
      EVENTS_EXCHANGE: rabbit.exchange,
      EVENTS_QUEUE: rabbit.queueName('collaboration-service'),
      AUTH_PUBLIC_KEY: this.tokens.publicKeyPem,
      QUESTION_SERVICE_URL: this.pickerUrl,
      INTERNAL_API_TOKEN: INTERNAL_TOKEN,
      COLLAB_KEY_PREFIX: `${testRedis.prefix}collab:`,
      AUTH_REVOCATION_PREFIX: this.revocationPrefix,
      COLLAB_FLUSH_INTERVAL_MS: '20',
      COLLAB_END_SETTLE_MS: '100',
      EXECUTION_JOBS_QUEUE: rabbit.queueName('execution.jobs'),
      ...overrides,
    };
  }

  /** A collaboration-service replica in this process (`deps`: what a test injects besides the environment, e.g. the clock). */
  async startInstance(overrides: Record<string, string> = {}, deps: Pick<AppDeps, 'now'> = {}): Promise<CollabInstance> {
    const config = loadConfig(collaborationEnvSchema, this.env(overrides));
    const { rabbit, database } = this.infra;
    const logger = createLogger({ name: 'collaboration-service', level: logLevel });
    const prisma = createPrismaClient(database.url);
    const redis = new Redis(config.REDIS_URL);
    const messaging = createMessaging({
      url: rabbit.url,
      serviceName: 'collaboration-service',
      exchange: rabbit.exchange,
      logger,
      reconnectTimeInSeconds: 0.1,
    });
    const app = createApp({ config, prisma, redis, messaging, logger, ...deps });
    const running = await startTestService(app);
    const instance: CollabInstance = {
      url: running.url,
      wsUrl: `${running.url.replace(/^http/, 'ws')}/api/collab`,
      app,
      stop: async () => {
        this.instances.delete(instance);
        await running.stop();
      },
    };
    this.instances.add(instance);
    return instance;
  }

  /**
   * A replica in a child process (the real entry point), for crashes: kill()
   * is SIGKILL, so nothing is flushed or closed cleanly.
   */
  async spawnInstance(port: number, overrides: Record<string, string> = {}): Promise<SpawnedInstance> {
    // node itself with tsx's loader (not tsx's CLI, which runs the service in a grandchild a kill would miss).
    const child = spawn(process.execPath, ['--import', 'tsx', entryPoint], {
      cwd: workspaceRoot,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(workspaceRoot, 'tsconfig.base.json'), ...this.env({ PORT: String(port), LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn', ...overrides }) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    const url = `http://127.0.0.1:${port}`;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await waitFor(
      () => fetch(`${url}/readyz`).then((response) => response.ok, () => false),
      30_000,
      'the spawned replica to be ready',
    );
    return {
      url,
      wsUrl: `ws://127.0.0.1:${port}/api/collab`,
      kill: async () => {
        child.kill('SIGKILL');
        await exited;
      },
    };
  }

  /**
   * Stands in for execution-service on the real work queue: records every job
   * (acked at once); the test answers with execution.* events of its own.
   */
  async startExecutor(): Promise<void> {
    const config = loadConfig(collaborationEnvSchema, this.env());
    this.executor = createWorkQueue<ExecutionJob>({
      url: this.infra.rabbit.url,
      serviceName: 'fake-execution-service',
      queue: config.EXECUTION_JOBS_QUEUE,
      schema: executionJobSchema,
      maxLength: config.EXECUTION_QUEUE_MAX_LENGTH,
      logger: createLogger({ name: 'fake-execution-service', level: logLevel }),
    });
    await this.executor.consume(async (job) => void this.jobs.push(job), { prefetch: 10 });
  }

  /** The job of a run, once the stand-in executor took it. */
  async jobOf(runId: string): Promise<ExecutionJob> {
    let job: ExecutionJob | undefined;
    await waitFor(() => (job = this.jobs.find((candidate) => candidate.runId === runId)) !== undefined, 10_000, `the job of run ${runId}`);
    return job as ExecutionJob;
  }

  async user(displayName = `user-${randomUUID().slice(0, 8)}`, expiresIn: string | number = '10m', sessionId?: string): Promise<TestUser> {
    const id = randomUUID();
    return { id, displayName, token: await this.sign(id, displayName, expiresIn, sessionId) };
  }

  sign(id: string, displayName: string, expiresIn: string | number = '10m', sessionId?: string): Promise<string> {
    return this.tokens.sign(id, displayName, expiresIn, sessionId);
  }

  matchFound(
    users: [TestUser, TestUser],
    criteria: { difficulty?: Difficulty; topics?: string[]; language?: Language; mode?: SessionMode; minutes?: SessionLength } = {},
  ): MatchFoundPayload {
    const now = new Date().toISOString();
    const difficulty = criteria.difficulty ?? 'EASY';
    const topics = criteria.topics ?? ['arrays'];
    const language = criteria.language ?? 'python';
    const mode = criteria.mode ?? 'pair';
    const minutes = criteria.minutes ?? 45;
    return {
      matchId: randomUUID(),
      users: users.map((user) => ({
        userId: user.id,
        displayName: user.displayName,
        requestId: randomUUID(),
        criteria: { mode, minutes, difficulty, topics, language, allowRelaxed: false },
        requestedAt: now,
      })) as MatchFoundPayload['users'],
      difficulty,
      topics,
      language,
      mode,
      minutes,
      relaxed: false,
      matchedAt: now,
    };
  }

  /** Publishes match.found and waits for the room (or failure) it leads to. */
  async openRoom(users: [TestUser, TestUser], criteria?: Parameters<CollabHarness['matchFound']>[1]): Promise<RoomCreatedPayload> {
    const match = this.matchFound(users, criteria);
    await this.events.publish('match.found', match);
    let room: RoomCreatedPayload | undefined;
    await waitFor(() => (room = this.created.find((r) => r.matchId === match.matchId)) !== undefined, 15_000, 'room.created');
    return room as RoomCreatedPayload;
  }

  /** A real, unmodified y-websocket client. */
  client(instance: Pick<CollabInstance, 'wsUrl'>, user: TestUser, roomId: string, options: { connect?: boolean; token?: string } = {}): TestClient {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(instance.wsUrl, roomId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      protocols: ['peerprep', `bearer.${options.token ?? user.token}`],
      connect: options.connect ?? true,
      // Tests reconnect quickly after a restart.
      maxBackoffTime: 200,
      disableBc: true,
    });
    const runs: RunView[] = [];
    provider.messageHandlers[ROOM_RUN_MESSAGE_TYPE] = (_encoder, decoder) => {
      runs.push(runViewSchema.parse(JSON.parse(decoding.readVarString(decoder))));
    };
    const calls: CallSignalEnvelope[] = [];
    provider.messageHandlers[ROOM_CALL_SIGNAL_MESSAGE_TYPE] = (_encoder, decoder) => {
      calls.push(callSignalEnvelopeSchema.parse(JSON.parse(decoding.readVarString(decoder))));
    };
    const interviews: InterviewView[] = [];
    provider.messageHandlers[ROOM_INTERVIEW_MESSAGE_TYPE] = (_encoder, decoder) => {
      interviews.push(interviewViewSchema.parse(JSON.parse(decoding.readVarString(decoder))));
    };
    const hints: ReleasedHint[] = [];
    provider.messageHandlers[ROOM_HINT_MESSAGE_TYPE] = (_encoder, decoder) => {
      hints.push(releasedHintSchema.parse(JSON.parse(decoding.readVarString(decoder))));
    };
    const client: TestClient = {
      doc,
      provider,
      text: doc.getText('code'),
      runs,
      calls,
      interviews,
      hints,
      destroy: () => {
        this.clients.delete(client);
        provider.destroy();
        doc.destroy();
      },
    };
    this.clients.add(client);
    return client;
  }

  /**
   * Sends a chat line as the frontend does (ROOM_CHAT_MESSAGE_TYPE: the text
   * alone) and waits until the server's stamped line is in the client's
   * document.
   */
  async chat(client: TestClient, text: string): Promise<void> {
    const chat = client.doc.getArray<{ text: string }>('chat');
    const before = chat.length;
    (client.provider.ws as unknown as WebSocket).send(encodeChatLine(text));
    await waitFor(() => chat.length > before && chat.toArray().some((line) => line.text === text.trim()), 5_000, 'the chat line');
  }

  async synced(client: TestClient): Promise<void> {
    await waitFor(() => client.provider.synced, 10_000, 'the provider to sync');
  }

  /** Resolves with the first close of the client's socket (code and reason), for refused connections. */
  refusal(client: TestClient): Promise<{ code: number; reason: string }> {
    return new Promise((resolve) => {
      client.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
        resolve({ code: event?.code ?? 0, reason: String(event?.reason ?? '') });
      });
    });
  }

  /** Destroys every client a test left open. */
  disconnectAll(): void {
    for (const client of [...this.clients]) client.destroy();
  }

  async stop(): Promise<void> {
    this.disconnectAll();
    for (const instance of [...this.instances]) await instance.stop();
    for (const child of this.children) child.kill('SIGKILL');
    await this.executor?.close();
    await this.events.close();
    await this.prisma.$disconnect();
    await new Promise<void>((resolve) => this.pickerServer.close(() => resolve()));
    await this.infra.cleanup();
  }
}
