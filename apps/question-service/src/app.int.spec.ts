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
import { questionEnvSchema } from '@peerprep/question-service-config';
import { createApp } from './app';
import { createPrismaClient, type PrismaClient } from './db/prisma';

describe('question-service app (real Postgres and RabbitMQ)', () => {
  let infra: TestInfrastructure<{ label: string; migrationsDir: string; rabbit: true }>;
  let prisma: PrismaClient;
  let messaging: Messaging;
  let running: RunningTestService;

  beforeAll(async () => {
    infra = await createTestInfrastructure({
      label: 'question_app',
      migrationsDir: path.join(__dirname, '../prisma/migrations'),
      rabbit: true,
    });
    const config = loadConfig(questionEnvSchema, { ...testServiceEnv, DATABASE_URL: infra.database.url });
    const logger = createLogger({ name: 'question-service', level: 'silent' });
    prisma = createPrismaClient(infra.database.url);
    messaging = createMessaging({ url: infra.rabbit.url, serviceName: 'question-service', exchange: infra.rabbit.exchange, logger });
    running = await startTestService(createApp({ config, prisma, messaging, logger }));
  });

  afterAll(async () => {
    await running?.stop();
    await infra?.cleanup();
  });

  it('is alive, ready with its dependencies up, observable, and answers unknown routes with a problem', async () => {
    await waitFor(() => messaging.check().then(() => true, () => false), 10_000, 'the broker connection');
    await expectStandardProbes(running.url, ['postgres', 'rabbitmq']);
  });

  it('closes its database connections on shutdown', async () => {
    expect(await openConnections(infra.database.name)).toBeGreaterThan(0);
    await running.stop();
    await waitFor(async () => (await openConnections(infra.database.name)) === 0, 5_000, 'the pool to close');
  });
});
