import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import client from 'prom-client';
import { eventCatalog, type EventEnvelope } from '@peerprep/contracts';
import {
  createTestDatabase,
  createTestRabbit,
  createTestRedis,
  startTcpProxy,
  type TestDatabase,
  type TestRabbit,
  type TestRedis,
} from '@peerprep/testing';
import { buildEnvelope } from '../codec';
import { registerDeadLetterMetrics, replayDeadLetters } from '../dead-letters';
import { UnroutableEventError } from '../errors';
import { createMessaging, type Messaging } from '../messaging';
import { deadLetterQueueName } from '../naming';
import { openBrokerProbe, silentLogger, waitFor, type BrokerProbe } from '../../test/support';
import { createRedisStreamOutboxStore } from './redis-stream-store';
import { createOutboxRelay, type OutboxStore } from './relay';
import { createSqlOutboxStore, type SqlRunner } from './sql-store';

jest.setTimeout(30_000);

const MIGRATIONS = path.resolve(__dirname, '../../test/fault/migrations');

function userDeleted(): EventEnvelope {
  return buildEnvelope(eventCatalog, 'user.deleted', { userId: randomUUID() });
}

describe('outbox relay, mandatory publishes and dead letters on the real RabbitMQ, Postgres and Redis', () => {
  let rabbit: TestRabbit;
  let probe: BrokerProbe;
  let db: TestDatabase;
  let redis: TestRedis;
  let pool: pg.Pool;
  let sql: SqlRunner;
  let messaging: Messaging;

  beforeAll(async () => {
    [rabbit, db, redis] = await Promise.all([
      createTestRabbit('outbox'),
      createTestDatabase({ migrationsDir: MIGRATIONS, label: 'outbox' }),
      createTestRedis('outbox'),
    ]);
    probe = await openBrokerProbe(rabbit.url);
    await probe.channel.assertExchange(rabbit.exchange, 'topic', { durable: true });
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    sql = { query: async (text, values) => (await pool.query(text, values)).rows };
    messaging = createMessaging({ url: rabbit.url, serviceName: 'outbox-test', exchange: rabbit.exchange, logger: silentLogger });
  });
  beforeEach(async () => {
    await pool.query('DELETE FROM outbox_events');
  });
  afterAll(async () => {
    await messaging.close();
    await probe.close();
    await pool.end();
    await Promise.all([rabbit.cleanup(), db.drop(), redis.cleanup()]);
  });

  async function observedQueue(base: string, routingKey: string): Promise<string> {
    const queue = rabbit.queueName(base);
    await probe.channel.assertQueue(queue, { durable: true });
    await probe.channel.bindQueue(queue, rabbit.exchange, routingKey);
    return queue;
  }

  async function insert(envelope: EventEnvelope): Promise<void> {
    await pool.query('INSERT INTO outbox_events (id, type, envelope) VALUES ($1, $2, $3)', [envelope.id, envelope.type, JSON.stringify(envelope)]);
  }

  it('rejects a publish no queue is bound to with UnroutableEventError instead of dropping it silently', async () => {
    // attempt.saved: nobody on this test exchange is bound to it.
    await expect(
      messaging.publish('attempt.saved', {
        attemptId: randomUUID(),
        roomId: randomUUID(),
        userId: randomUUID(),
        partnerId: randomUUID(),
        questionId: randomUUID(),
        language: 'python',
        startedAt: new Date().toISOString(),
        endedAt: new Date().toISOString(),
        durationSeconds: 1,
      }),
    ).rejects.toBeInstanceOf(UnroutableEventError);
  });

  it('keeps the types a service announces in its bounded announcements log, and only those', async () => {
    const log = rabbit.queueName('announcer.announcements');
    const announcer = createMessaging({
      url: rabbit.url,
      serviceName: log.slice(0, -'.announcements'.length),
      exchange: rabbit.exchange,
      logger: silentLogger,
      announcements: ['question.created'],
      announcementLogLength: 2,
    });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) ids.push((await announcer.publish('question.created', { questionId: randomUUID(), slug: 'a-b', title: 'A', difficulty: 'EASY', topics: ['arrays'] })).id);
      // The oldest is dropped: the log is bounded.
      const kept: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const message = await probe.channel.get(log, { noAck: true });
        if (message) kept.push(String(message.properties.messageId));
      }
      expect(kept).toEqual(ids.slice(1));
      // A type it does not announce stays strictly mandatory.
      await expect(announcer.publish('question.updated', { questionId: randomUUID(), slug: 'a-b', title: 'A', difficulty: 'EASY', topics: ['arrays'] })).rejects.toBeInstanceOf(UnroutableEventError);
    } finally {
      await announcer.close();
    }
  });

  it('publishes what the SQL outbox holds with the stored id and payload, then deletes the rows', async () => {
    const queue = await observedQueue('sql-relay', 'user.deleted');
    const events = [userDeleted(), userDeleted(), userDeleted()];
    for (const event of events) await insert(event);
    const relay = createOutboxRelay({ name: 'test', store: createSqlOutboxStore(sql), messaging, logger: silentLogger });

    expect(await relay.drain()).toBe(3);

    const arrived = (await probe.drain(queue)).map((message) => JSON.parse(message.body) as EventEnvelope);
    expect(arrived.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    const [first] = events;
    expect(arrived.find((event) => event.id === first?.id)).toEqual(first);
    expect((await pool.query('SELECT 1 FROM outbox_events')).rowCount).toBe(0);
  });

  it('never hands one row to two relays at once (replicas claim with SKIP LOCKED and a lease)', async () => {
    for (let i = 0; i < 50; i += 1) await insert(userDeleted());
    const store = createSqlOutboxStore(sql);
    const claims = await Promise.all([store.claim(30, 30_000), store.claim(30, 30_000), store.claim(30, 30_000)]);
    const keys = claims.flat().map((record) => record.key);
    expect(keys).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    // Leased: nothing is due until the lease runs out or a publish fails.
    expect(await store.claim(30, 30_000)).toEqual([]);
  });

  it('gives a row whose relay died to another relay after the lease', async () => {
    const event = userDeleted();
    await insert(event);
    const store = createSqlOutboxStore(sql);
    expect(await store.claim(10, 200)).toHaveLength(1);
    await waitFor('the lease to run out', async () => (await store.claim(10, 30_000)).some((record) => record.envelope.id === event.id));
  });

  it('keeps an unroutable event, counts it on /metrics and publishes it once a queue is bound', async () => {
    const registry = new client.Registry();
    const event = buildEnvelope(eventCatalog, 'question.deleted', {
      questionId: randomUUID(),
      slug: 'two-sum',
      difficulty: 'EASY',
      topics: ['arrays'],
    });
    await insert(event);
    const store = createSqlOutboxStore(sql);
    const relay = createOutboxRelay({ name: 'unroutable', store, messaging, logger: silentLogger, registry, retryDelayMs: 50, maxRetryDelayMs: 50 });

    expect(await relay.drain()).toBe(0);
    const kept = await pool.query<{ attempts: number; last_error: string }>('SELECT attempts, last_error FROM outbox_events');
    expect(kept.rows).toEqual([{ attempts: 1, last_error: expect.stringContaining('No queue is bound to "question.deleted"') }]);
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/outbox_unroutable_total\{outbox="unroutable",type="question.deleted"\} 1/);
    expect(metrics).toMatch(/outbox_backlog\{outbox="unroutable"\} 1/);

    const queue = await observedQueue('late-consumer', 'question.deleted');
    await waitFor('the retry to be due', async () => (await relay.drain()) === 1);
    expect((await probe.drain(queue)).map((message) => (JSON.parse(message.body) as EventEnvelope).id)).toEqual([event.id]);
    expect(await registry.metrics()).toMatch(/outbox_backlog\{outbox="unroutable"\} 0/);
  });

  it('stops even while the broker is unreachable mid-publish, leaving the event in the outbox for the next relay', async () => {
    const queue = await observedQueue('outage', 'user.deleted');
    const target = new URL(rabbit.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5672) });
    const cut = createMessaging({
      url: proxy.url('amqp', 'guest:guest'),
      serviceName: 'outbox-outage',
      exchange: rabbit.exchange,
      logger: silentLogger,
      reconnectTimeInSeconds: 0.2,
      closeTimeoutMs: 200,
    });
    try {
      await waitFor('the connection through the proxy', () => cut.check().then(() => true, () => false));
      await proxy.pause();
      const event = userDeleted();
      await insert(event);
      const relay = createOutboxRelay({ name: 'outage', store: createSqlOutboxStore(sql), messaging: cut, logger: silentLogger, closeTimeoutMs: 200 });
      relay.start();
      relay.wake();
      await waitFor('the relay to claim the event', async () => (await pool.query('SELECT 1 FROM outbox_events WHERE available_at > now()')).rowCount === 1);

      await relay.close();

      expect((await pool.query('SELECT id FROM outbox_events')).rows).toEqual([{ id: event.id }]);
      await proxy.resume();
      const next = createOutboxRelay({ name: 'next', store: createSqlOutboxStore(sql), messaging, logger: silentLogger });
      await pool.query('UPDATE outbox_events SET available_at = now()'); // the lease, run out
      expect(await next.drain()).toBe(1);
      expect((await probe.drain(queue)).map((message) => (JSON.parse(message.body) as EventEnvelope).id)).toContain(event.id);
    } finally {
      await cut.close();
      await proxy.close();
    }
  });

  it('relays a Redis stream outbox through its consumer group and XDELs after the confirm', async () => {
    const queue = await observedQueue('stream-relay', 'user.deleted');
    const stream = 'outbox';
    const store: OutboxStore = createRedisStreamOutboxStore(redis.redis, { stream, consumer: 'a' });
    const other = createRedisStreamOutboxStore(redis.redis, { stream, consumer: 'b' });
    const events = [userDeleted(), userDeleted()];
    for (const event of events) await redis.redis.xadd(stream, '*', 'envelope', JSON.stringify(event));

    const claimed = await store.claim(10, 30_000);
    expect(claimed.map((record) => record.envelope.id)).toEqual(events.map((event) => event.id));
    // The other relay gets nothing while the lease holds.
    expect(await other.claim(10, 30_000)).toEqual([]);
    expect((await store.stats()).backlog).toBe(2);

    const relay = createOutboxRelay({ name: 'stream', store: other, messaging, logger: silentLogger });
    // Relay "a" died holding both: "b" takes them once they have been idle for the lease.
    await waitFor('the entries to be reclaimed and published', async () => {
      const reclaimed = await other.claim(10, 100);
      for (const record of reclaimed) await messaging.publishEnvelope(record.envelope);
      if (reclaimed.length > 0) await other.published(reclaimed.map((record) => record.key));
      return (await other.stats()).backlog === 0;
    });
    expect(await relay.drain()).toBe(0);
    expect((await probe.drain(queue)).map((message) => (JSON.parse(message.body) as EventEnvelope).id).sort()).toEqual(
      events.map((event) => event.id).sort(),
    );
    expect(await redis.redis.xlen(stream)).toBe(0);
  });

  it('shows dead-lettered events per queue on /metrics and replays them to their queue with one call', async () => {
    const queue = rabbit.queueName('replayed');
    const handled: string[] = [];
    let failing = true;
    const consumer = createMessaging({ url: rabbit.url, serviceName: 'replay-test', exchange: rabbit.exchange, logger: silentLogger });
    try {
      await consumer.subscribe({
        queue,
        maxRetries: 0,
        handlers: {
          'user.deleted': async (event) => {
            if (failing) throw new Error('downstream is broken');
            handled.push(event.id);
          },
        },
      });
      const registry = new client.Registry();
      registerDeadLetterMetrics(registry, consumer, [queue]);
      const event = await messaging.publish('user.deleted', { userId: randomUUID() });
      await waitFor('the event to be dead-lettered', async () => (await probe.readyCount(deadLetterQueueName(queue))) === 1);
      expect(await registry.metrics()).toContain(`events_dead_lettered{queue="${queue}"} 1`);

      failing = false;
      expect(await replayDeadLetters({ url: rabbit.url, queue })).toBe(1);

      await waitFor('the replayed event to be handled', () => handled.length === 1);
      expect(handled).toEqual([event.id]);
      expect(await registry.metrics()).toContain(`events_dead_lettered{queue="${queue}"} 0`);
    } finally {
      await consumer.close();
    }
  });
});
