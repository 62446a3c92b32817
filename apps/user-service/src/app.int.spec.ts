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
import { userEnvSchema } from '@peerprep/user-service-config';
import { createApp } from './app';
import { generateSigningKey } from './auth/signing-key';
import { createPrismaClient, type PrismaClient } from './db/prisma';

describe('user-service app (real Postgres, Redis and RabbitMQ)', () => {
  let infra: TestInfrastructure<{ label: string; migrationsDir: string; redis: true; rabbit: true }>;
  let prisma: PrismaClient;
  let messaging: Messaging;
  let running: RunningTestService;

  beforeAll(async () => {
    infra = await createTestInfrastructure({
      label: 'user_app',
      migrationsDir: path.join(__dirname, '../prisma/migrations'),
      redis: true,
      rabbit: true,
    });
    const config = loadConfig(userEnvSchema, { ...testServiceEnv, DATABASE_URL: infra.database.url, REDIS_URL: infra.redis.url });
    const logger = createLogger({ name: 'user-service', level: 'silent' });
    prisma = createPrismaClient(infra.database.url);
    messaging = createMessaging({ url: infra.rabbit.url, serviceName: 'user-service', exchange: infra.rabbit.exchange, logger });
    running = await startTestService(
      createApp({ config, prisma, redis: infra.redis.redis, messaging, logger, signingKey: await generateSigningKey() }),
    );
  });

  afterAll(async () => {
    await running?.stop();
    await infra?.cleanup();
  });

  it('is alive, ready with its dependencies up, observable, and answers unknown routes with a problem', async () => {
    await waitFor(() => messaging.check().then(() => true, () => false), 10_000, 'the broker connection');
    await expectStandardProbes(running.url, ['postgres', 'redis', 'rabbitmq']);
  });

  it('closes its database connections on shutdown', async () => {
    expect(await openConnections(infra.database.name)).toBeGreaterThan(0);
    await running.stop();
    await waitFor(async () => (await openConnections(infra.database.name)) === 0, 5_000, 'the pool to close');
  });
});
