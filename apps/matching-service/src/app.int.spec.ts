import { createMessaging, type Messaging } from '@peerprep/messaging';
import { createLogger, loadConfig } from '@peerprep/service-kit';
import {
  createTestRabbit,
  createTestRedis,
  expectStandardProbes,
  startTcpProxy,
  startTestService,
  testServiceEnv,
  waitFor,
  type RunningTestService,
  type TcpProxy,
  type TestRabbit,
  type TestRedis,
} from '@peerprep/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { matchingEnvSchema } from '@peerprep/matching-service-config';
import { createApp } from './app';

describe('matching-service app', () => {
  let redis: TestRedis;
  let rabbit: TestRabbit;
  let brokerProxy: TcpProxy;
  let messaging: Messaging;
  let running: RunningTestService;

  beforeAll(async () => {
    redis = await createTestRedis('matching-app');
    rabbit = await createTestRabbit('matching-app');
    const broker = new URL(rabbit.url);
    brokerProxy = await startTcpProxy({ host: broker.hostname, port: Number(broker.port || 5672) });
    const config = loadConfig(matchingEnvSchema, {
      ...testServiceEnv,
      REDIS_URL: redis.url,
      MATCH_KEY_PREFIX: redis.prefix,
      EVENTS_EXCHANGE: rabbit.exchange,
      EVENTS_QUEUE: rabbit.queueName('matching-service'),
    });
    const logger = createLogger({ name: 'matching-service', level: 'silent' });
    messaging = createMessaging({
      url: brokerProxy.url('amqp', 'guest:guest'),
      serviceName: 'matching-service',
      exchange: rabbit.exchange,
      logger,
      reconnectTimeInSeconds: 0.1,
    });
    running = await startTestService(
      createApp({
        config,
        redis: new Redis(redis.url),
        messaging,
        logger,
      }),
    );
  });

  afterAll(async () => {
    await running.stop();
    await brokerProxy.close();
    await rabbit.cleanup();
    await redis.cleanup();
  });

  it('is alive, ready with Redis and RabbitMQ up, observable, and answers unknown routes with a problem', async () => {
    await waitFor(() => messaging.check().then(() => true, () => false), 10_000, 'the broker connection');
    await expectStandardProbes(running.url, ['redis', 'rabbitmq']);
  });

  it('answers 503 naming RabbitMQ while the broker is unreachable, and recovers', async () => {
    await brokerProxy.pause();
    await waitFor(async () => (await request(running.url).get('/readyz')).status === 503, 10_000, '503');
    const down = await request(running.url).get('/readyz');
    expect(JSON.stringify(down.body)).toContain('rabbitmq');
    await brokerProxy.resume();
    await waitFor(async () => (await request(running.url).get('/readyz')).status === 200, 15_000, 'recovery');
  });
});
