import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  matchStatusMessageSchema,
  type MatchFoundPayload,
  type MatchStatusMessage,
  type TopicsResponse,
} from '@peerprep/contracts';
import { createMessaging, type Messaging } from '@peerprep/messaging';
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
import { matchingEnvSchema } from '@peerprep/matching-service-config';
import { createApp, type MatchingApp } from '../src/app';

/** Topics the stub question bank has: t0..t39 at every difficulty, `easy-only` with EASY questions only. */
export const TOPICS_RESPONSE: TopicsResponse = {
  items: [
    ...Array.from({ length: 40 }, (_, i) => ({
      slug: `t${i}`,
      name: `Topic ${i}`,
      counts: { EASY: 2, MEDIUM: 2, HARD: 1 },
      total: 5,
    })),
    { slug: 'easy-only', name: 'Easy only', counts: { EASY: 3, MEDIUM: 0, HARD: 0 }, total: 3 },
  ],
  total: 41,
};

export interface TestUser {
  id: string;
  displayName: string;
  token: string;
}

export interface MatchingInstance {
  url: string;
  app: MatchingApp;
  stop(): Promise<void>;
}

export interface StatusSocket {
  ws: WebSocket;
  messages: MatchStatusMessage[];
  next(predicate: (message: MatchStatusMessage) => boolean, what?: string): Promise<MatchStatusMessage>;
  close(): Promise<void>;
}

const logLevel = (process.env['TEST_LOG_LEVEL'] ?? 'silent') as 'silent';

/**
 * One test file's slice of the platform for matching-service: its own Redis
 * prefix and RabbitMQ exchange, a stub question-service answering GET
 * /api/topics, a key pair to sign access tokens, a recorder of match.found,
 * a recorder of every status message (Redis pub/sub, all replicas), and a
 * publisher of room events standing in for collaboration-service.
 */
export class MatchingHarness {
  readonly matchesFound: MatchFoundPayload[] = [];
  readonly statusLog: { userId: string; message: MatchStatusMessage }[] = [];
  private readonly instances = new Set<MatchingInstance>();
  private topicsServer!: http.Server;
  private observer!: Messaging;
  private statusWatcher!: Redis;
  private tokens!: TestTokenIssuer;
  topicsUrl!: string;
  roomEvents!: Messaging;

  private constructor(readonly infra: TestInfrastructure<{ label: string; redis: true; rabbit: true }>) {}

  static async start(label: string): Promise<MatchingHarness> {
    const infra = await createTestInfrastructure({ label, redis: true, rabbit: true });
    const harness = new MatchingHarness(infra);
    await harness.init();
    return harness;
  }

  get prefix(): string {
    return `${this.infra.redis.prefix}q:`;
  }

  /** This file's access-token revocation list (what user-service writes and publishes to). */
  get revocationPrefix(): string {
    return `${this.infra.redis.prefix}revoked:`;
  }

  private async init(): Promise<void> {
    this.tokens = await createTestTokenIssuer();

    this.topicsServer = http.createServer((req, res) => {
      if (req.url === '/api/topics') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(TOPICS_RESPONSE));
        return;
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => this.topicsServer.listen(0, '127.0.0.1', resolve));
    this.topicsUrl = `http://127.0.0.1:${(this.topicsServer.address() as AddressInfo).port}`;

    const logger = createLogger({ name: 'observer', level: logLevel });
    const { rabbit } = this.infra;
    this.observer = createMessaging({ url: rabbit.url, serviceName: 'observer', exchange: rabbit.exchange, logger });
    await this.observer.subscribe({
      queue: rabbit.queueName('observer'),
      prefetch: 200,
      handlers: { 'match.found': async (event) => void this.matchesFound.push(event.payload) },
    });
    this.roomEvents = createMessaging({ url: rabbit.url, serviceName: 'collab-stub', exchange: rabbit.exchange, logger });

    this.statusWatcher = new Redis(this.infra.redis.url);
    const channelPrefix = `${this.prefix}status:`;
    this.statusWatcher.on('pmessage', (_pattern: string, channel: string, text: string) => {
      const message = matchStatusMessageSchema.parse(JSON.parse(text));
      this.statusLog.push({ userId: channel.slice(channelPrefix.length), message });
    });
    await this.statusWatcher.psubscribe(`${channelPrefix}*`);
  }

  /** A matching-service instance on this file's Redis prefix and exchange; every instance shares the queue. */
  async startInstance(env: Record<string, string> = {}): Promise<MatchingInstance> {
    const { redis: testRedis, rabbit } = this.infra;
    const config = loadConfig(matchingEnvSchema, {
      ...testServiceEnv,
      REDIS_URL: testRedis.url,
      AMQP_URL: rabbit.url,
      AUTH_PUBLIC_KEY: this.tokens.publicKeyPem,
      QUESTION_SERVICE_URL: this.topicsUrl,
      MATCH_KEY_PREFIX: this.prefix,
      MATCH_SWEEP_INTERVAL_MS: '20',
      EVENTS_EXCHANGE: rabbit.exchange,
      EVENTS_QUEUE: rabbit.queueName('matching-service'),
      AUTH_REVOCATION_PREFIX: this.revocationPrefix,
      ...env,
    });
    const logger = createLogger({ name: 'matching-service', level: logLevel });
    const redis = new Redis(testRedis.url);
    const messaging = createMessaging({
      url: rabbit.url,
      serviceName: 'matching-service',
      exchange: rabbit.exchange,
      logger,
      reconnectTimeInSeconds: 0.1,
    });
    const app = createApp({ config, redis, messaging, logger });
    const running = await startTestService(app);
    const instance: MatchingInstance = {
      url: running.url,
      app,
      stop: async () => {
        this.instances.delete(instance);
        await running.stop();
      },
    };
    this.instances.add(instance);
    return instance;
  }

  async user(displayName = `user-${randomUUID().slice(0, 8)}`, sessionId?: string): Promise<TestUser> {
    const id = randomUUID();
    const token = await this.tokens.sign(id, displayName, undefined, sessionId);
    return { id, displayName, token };
  }

  /** Opens the user's live status channel; resolves once it is open (and subscribed). */
  async connect(instance: MatchingInstance, user: TestUser): Promise<StatusSocket> {
    const wsUrl = `${instance.url.replace(/^http/, 'ws')}/api/match/events`;
    const ws = new WebSocket(wsUrl, ['peerprep', `bearer.${user.token}`]);
    const messages: MatchStatusMessage[] = [];
    ws.on('message', (data) => {
      messages.push(matchStatusMessageSchema.parse(JSON.parse(String(data))));
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return {
      ws,
      messages,
      next: async (predicate, what = 'a status message') => {
        let found: MatchStatusMessage | undefined;
        await waitFor(() => (found = messages.find(predicate)) !== undefined, 10_000, what);
        return found as MatchStatusMessage;
      },
      close: () =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          ws.once('close', () => resolve());
          ws.close();
        }),
    };
  }

  /** Status messages of one user, as every replica published them. */
  statusOf(userId: string): MatchStatusMessage[] {
    return this.statusLog.filter((entry) => entry.userId === userId).map((entry) => entry.message);
  }

  async stop(): Promise<void> {
    for (const instance of [...this.instances]) await instance.stop();
    await this.observer.close();
    await this.roomEvents.close();
    await this.statusWatcher.quit();
    await new Promise<void>((resolve) => this.topicsServer.close(() => resolve()));
    await this.infra.cleanup();
  }
}
