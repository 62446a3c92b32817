import { randomUUID } from 'node:crypto';
import { createTestRabbit, createTestRedis, type TestRabbit, type TestRedis } from '@peerprep/testing';
import { openBrokerProbe, silentLogger, waitFor } from '../test/support';
import { RedisIdempotencyStore, type IdempotencyStore } from './idempotency';
import { createMessaging, type Messaging } from './messaging';
import { deadLetterQueueName } from './naming';

jest.setTimeout(60_000);

let testRedis: TestRedis;
let rabbit: TestRabbit;

beforeAll(async () => {
  [testRedis, rabbit] = await Promise.all([createTestRedis('messaging-idempotency'), createTestRabbit('messaging-idem')]);
});
afterAll(async () => {
  await Promise.all([testRedis.cleanup(), rabbit.cleanup()]);
});

describe('RedisIdempotencyStore', () => {
  const store = () => new RedisIdempotencyStore(testRedis.redis, { processingTtlSeconds: 30, doneTtlSeconds: 3_600 });

  it('lets one caller claim an event until it is released', async () => {
    const [a, b] = [store(), store()];
    const id = randomUUID();

    expect(await a.claim(id)).toBe(true);
    expect(await b.claim(id)).toBe(false);
    expect(await b.isCompleted(id)).toBe(false);
    await a.release(id);
    expect(await b.claim(id)).toBe(true);
  });

  it('refuses every later claim once the event is completed', async () => {
    const [a, b] = [store(), store()];
    const id = randomUUID();

    expect(await a.claim(id)).toBe(true);
    await a.complete(id);

    expect(await a.claim(id)).toBe(false);
    expect(await b.claim(id)).toBe(false);
    expect(await b.isCompleted(id)).toBe(true);
  });

  it('does not release a claim it does not hold', async () => {
    const [a, b] = [store(), store()];
    const id = randomUUID();
    expect(await a.claim(id)).toBe(true);

    await b.release(id);

    expect(await b.claim(id)).toBe(false);
  });

  it('bounds a claim by the processing TTL and a completion by the done TTL', async () => {
    const s = store();
    const [claimed, completed] = [randomUUID(), randomUUID()];
    await s.claim(claimed);
    await s.claim(completed);
    await s.complete(completed);

    const claimTtl = await testRedis.redis.ttl(s.keyOf(claimed));
    const doneTtl = await testRedis.redis.ttl(s.keyOf(completed));
    expect(claimTtl).toBeGreaterThan(0);
    expect(claimTtl).toBeLessThanOrEqual(30);
    expect(doneTtl).toBeGreaterThan(30);
    expect(doneTtl).toBeLessThanOrEqual(3_600);
  });
});

/** Counts deliveries recognised as already handled, so the test knows when every copy was consumed. */
class SkipCountingStore implements IdempotencyStore {
  skipped = 0;
  constructor(private readonly inner: RedisIdempotencyStore) {}
  claim = (id: string) => this.inner.claim(id);
  complete = (id: string) => this.inner.complete(id);
  release = (id: string) => this.inner.release(id);
  isCompleted = async (id: string) => {
    const done = await this.inner.isCompleted(id);
    if (done) this.skipped += 1;
    return done;
  };
}

describe('idempotent consumers', () => {
  const consumers: Messaging[] = [];
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((m) => m.close()));
  });

  function instance(name: string): Messaging {
    const messaging = createMessaging({ url: rabbit.url, serviceName: name, exchange: rabbit.exchange, logger: silentLogger });
    consumers.push(messaging);
    return messaging;
  }

  it('handles each of a thousand events exactly once across two consumers, duplicates included', async () => {
    const queue = rabbit.queueName('exactly-once');
    const store = new SkipCountingStore(new RedisIdempotencyStore(testRedis.redis));
    const handledCount = new Map<string, number>();
    const handler = async (event: { id: string }) => {
      // Yield so deliveries overlap and duplicates race between the consumers.
      await new Promise((resolve) => setImmediate(resolve));
      handledCount.set(event.id, (handledCount.get(event.id) ?? 0) + 1);
    };
    const [first, second] = [instance('consumer-1'), instance('consumer-2')];
    for (const consumer of [first, second]) {
      await consumer.subscribe({
        queue,
        prefetch: 25,
        retryDelayMs: 50,
        idempotency: store,
        handlers: { 'user.deleted': handler },
      });
    }
    const publisher = instance('publisher');

    const ids: string[] = [];
    const publishes: Promise<unknown>[] = [];
    for (let i = 0; i < 1_000; i += 1) {
      const id = randomUUID();
      ids.push(id);
      publishes.push(publisher.publish('user.deleted', { userId: randomUUID() }, { id }));
      // Every tenth event is published twice, as a publisher retrying after a lost confirm would.
      if (i % 10 === 0) publishes.push(publisher.publish('user.deleted', { userId: randomUUID() }, { id }));
    }
    await Promise.all(publishes);

    const probe = await openBrokerProbe(rabbit.url);
    try {
      // Every copy ends either handled or skipped as a duplicate (a duplicate
      // that meets the event still in progress is retried until it is done).
      const handledTotal = () => [...handledCount.values()].reduce((sum, n) => sum + n, 0);
      await waitFor('every published copy to be consumed', () => handledTotal() + store.skipped === publishes.length);
      await Promise.all(consumers.splice(0).map((m) => m.close()));

      expect([...handledCount.keys()].sort()).toEqual([...ids].sort());
      expect([...handledCount.values()].every((count) => count === 1)).toBe(true);
      expect(await probe.readyCount(queue)).toBe(0);
      expect(await probe.readyCount(deadLetterQueueName(queue))).toBe(0);
    } finally {
      await probe.close();
    }
  });

  it('keeps idempotency keys of different queues apart', async () => {
    const store = new RedisIdempotencyStore(testRedis.redis);
    const handledBy: string[] = [];
    const a = instance('service-a');
    const b = instance('service-b');
    await a.subscribe({
      queue: rabbit.queueName('service-a'),
      idempotency: store,
      handlers: { 'user.deleted': async () => void handledBy.push('a') },
    });
    await b.subscribe({
      queue: rabbit.queueName('service-b'),
      idempotency: store,
      handlers: { 'user.deleted': async () => void handledBy.push('b') },
    });

    await a.publish('user.deleted', { userId: randomUUID() });

    await waitFor('both services to handle the event', () => handledBy.length === 2);
    expect(handledBy.sort()).toEqual(['a', 'b']);
  });
});
