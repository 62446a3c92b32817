import { once } from 'node:events';
import { Redis } from 'ioredis';
import request from 'supertest';
import { closedPort, signal, startTestService, stopAllServices } from '../test/helpers';
import { redisDependency, type DependencyCheck } from './readiness';

const clients: Redis[] = [];
afterEach(async () => {
  await stopAllServices();
  // disconnect() on an already ended client arms a timer that holds the process.
  for (const client of clients.splice(0)) if (client.status !== 'end') client.disconnect();
});

async function connectedRedis(): Promise<Redis> {
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  clients.push(redis);
  await redis.connect();
  return redis;
}

function unreachableRedis(port: number): Redis {
  // A short disconnectTimeout: disconnecting while reconnecting arms a timer for the dead socket.
  const redis = new Redis({ host: '127.0.0.1', port, retryStrategy: () => 50, maxRetriesPerRequest: 0, disconnectTimeout: 10 });
  redis.on('error', () => undefined); // refused connections are the point here
  clients.push(redis);
  return redis;
}

/** A dependency whose state the test flips. */
function switchableDependency(name: string, up = true): DependencyCheck & { set(up: boolean): void } {
  let isUp = up;
  return {
    name,
    async check() {
      if (!isUp) throw new Error(`${name} is down`);
    },
    set: (value) => (isUp = value),
  };
}

describe('/healthz', () => {
  it('answers 200 {status: ok} whatever the dependencies say', async () => {
    const { url } = await startTestService({ dependencies: [switchableDependency('postgres', false)] });
    const res = await request(url).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('/readyz', () => {
  it('answers 200 when a real Redis answers PING', async () => {
    const { url } = await startTestService({ dependencies: [redisDependency(await connectedRedis())] });
    const res = await request(url).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { redis: 'up' } });
  });

  it('answers 503 naming a Redis that cannot be reached', async () => {
    const redis = unreachableRedis(await closedPort());
    const { url } = await startTestService({
      dependencies: [redisDependency(redis, 'matching-redis'), switchableDependency('postgres')],
    });
    const res = await request(url).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 'not_ready',
      title: 'Service Unavailable',
      detail: 'Unavailable dependencies: matching-redis',
      checks: { 'matching-redis': 'down', postgres: 'up' },
      down: ['matching-redis'],
    });
  });

  it('recovers to 200 once the dependency is back', async () => {
    const rabbit = switchableDependency('rabbitmq', false);
    const { url } = await startTestService({ dependencies: [rabbit] });
    expect((await request(url).get('/readyz')).status).toBe(503);
    rabbit.set(true);
    const res = await request(url).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({ rabbitmq: 'up' });
  });

  it('counts a check that never answers as down, bounded by the readiness timeout', async () => {
    const hanging: DependencyCheck = { name: 'postgres', check: () => new Promise(() => undefined) };
    const { url } = await startTestService({ dependencies: [hanging], readinessTimeoutMs: 100 });
    const res = await request(url).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.checks).toEqual({ postgres: 'down' });
  });

  it('answers 503 as soon as shutdown has started', async () => {
    const checking = signal();
    const gate = signal();
    const slowButUp: DependencyCheck = {
      name: 'redis',
      async check() {
        checking.fire();
        await gate.promise;
      },
    };
    const { url, service } = await startTestService({ dependencies: [slowButUp] });
    const response = request(url).get('/readyz').then((r) => r);
    await checking.promise;
    const stopped = service.stop('test');
    expect(service.isReady()).toBe(false);
    gate.fire();
    const res = await response;
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'shutting_down', detail: 'The service is shutting down' });
    await stopped;
  });
});

describe('redisDependency', () => {
  it('quits the Redis connection when closed', async () => {
    const redis = await connectedRedis();
    const dependency = redisDependency(redis);
    const ended = once(redis, 'end');
    await dependency.close?.();
    await ended;
    expect(redis.status).toBe('end');
  });
});
