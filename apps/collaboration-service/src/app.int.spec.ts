import path from 'node:path';
import { createMessaging, type Messaging } from '@peerprep/messaging';
import { createLogger, loadConfig } from '@peerprep/service-kit';
import {
  createTestInfrastructure,
  openConnections,
  expectStandardProbes,
  startTestService,
  testServiceEnv,
  waitFor,
  type RunningTestService,
  type TestInfrastructure,
} from '@peerprep/testing';
import { collaborationEnvSchema } from '@peerprep/collaboration-service-config';
import { createApp } from './app';
import { createPrismaClient, type PrismaClient } from './db/prisma';

describe('collaboration-service app (real Postgres, Redis and RabbitMQ)', () => {
  let infra: TestInfrastructure<{ label: string; migrationsDir: string; redis: true; rabbit: true }>;
  let prisma: PrismaClient;
  let messaging: Messaging;
  let running: RunningTestService;

  beforeAll(async () => {
    infra = await createTestInfrastructure({
      label: 'collaboration_app',
      migrationsDir: path.join(__dirname, '../prisma/migrations'),
      redis: true,
      rabbit: true,
    });
    const config = loadConfig(collaborationEnvSchema, { ...testServiceEnv, DATABASE_URL: infra.database.url, REDIS_URL: infra.redis.url });
    const logger = createLogger({ name: 'collaboration-service', level: 'silent' });
    prisma = createPrismaClient(infra.database.url);
    messaging = createMessaging({ url: infra.rabbit.url, serviceName: 'collaboration-service', exchange: infra.rabbit.exchange, logger });
    running = await startTestService(createApp({ config, prisma, redis: infra.redis.redis, messaging, logger }));
  });

  afterAll(async () => {
    await running?.stop();
    await infra?.cleanup();
  });

  it('is alive, ready with its dependencies up, observable, and answers unknown routes with a problem', async () => {
    await waitFor(() => messaging.check().then(() => true, () => false), 10_000, 'the broker connection');
    await expectStandardProbes(running.url, ['postgres', 'redis', 'rabbitmq']);
  });

  it('exports its live rooms, connections and dropped writes as metrics', async () => {
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    for (const name of ['collab_live_rooms', 'collab_connections', 'collab_dropped_writes_total']) {
      expect(metrics).toMatch(new RegExp(`^${name}\\{service="collaboration-service"\\} 0$`, 'm'));
    }
  });

  it('closes its database connections on shutdown', async () => {
    expect(await openConnections(infra.database.name)).toBeGreaterThan(0);
    await running.stop();
    await waitFor(async () => (await openConnections(infra.database.name)) === 0, 5_000, 'the pool to close');
  });
});
