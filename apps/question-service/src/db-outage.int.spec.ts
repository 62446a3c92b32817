import path from 'node:path';
import { createMessaging, type Messaging } from '@peerprep/messaging';
import { createLogger, loadConfig } from '@peerprep/service-kit';
import {
  createTestInfrastructure,
  startTcpProxy,
  startTestService,
  testServiceEnv,
  waitFor,
  type RunningTestService,
  type TcpProxy,
  type TestInfrastructure,
} from '@peerprep/testing';
import request from 'supertest';
import { questionEnvSchema } from '@peerprep/question-service-config';
import { createApp } from './app';
import { createPrismaClient } from './db/prisma';

/**
 * Postgres going away must not crash the service: /readyz says which
 * dependency is down, the pool reconnects when it is back, and the service is
 * ready again without a restart. The database sits behind a TCP proxy the test
 * can cut, since the shared local server must keep running.
 */
describe('question-service when Postgres goes down and comes back', () => {
  let infra: TestInfrastructure<{ label: string; migrationsDir: string; rabbit: true }>;
  let proxy: TcpProxy;
  let messaging: Messaging;
  let running: RunningTestService;

  beforeAll(async () => {
    infra = await createTestInfrastructure({
      label: 'question_outage',
      migrationsDir: path.join(__dirname, '../prisma/migrations'),
      rabbit: true,
    });
    const direct = new URL(infra.database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(infra.database.url);
    viaProxy.host = `${proxy.host}:${proxy.port}`;
    const config = loadConfig(questionEnvSchema, { ...testServiceEnv, DATABASE_URL: viaProxy.href });
    const logger = createLogger({ name: 'question-service', level: 'silent' });
    messaging = createMessaging({ url: infra.rabbit.url, serviceName: 'question-service', exchange: infra.rabbit.exchange, logger });
    running = await startTestService(
      createApp({ config, prisma: createPrismaClient(viaProxy.href), messaging, logger }),
    );
    await waitFor(async () => (await request(running.url).get('/readyz')).status === 200, 10_000, 'readiness');
  });

  afterAll(async () => {
    await running?.stop();
    await proxy?.close();
    await infra?.cleanup();
  });

  it('answers 503 naming postgres while it is unreachable, stays alive, and recovers', async () => {
    await proxy.pause();
    await waitFor(async () => (await request(running.url).get('/readyz')).status === 503, 10_000, '503');
    const down = await request(running.url).get('/readyz');
    expect(JSON.stringify(down.body)).toContain('postgres');
    await request(running.url).get('/healthz').expect(200);

    await proxy.resume();
    await waitFor(async () => (await request(running.url).get('/readyz')).status === 200, 15_000, 'recovery');
  });
});
