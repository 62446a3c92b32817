import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineEvent, type EventEnvelope } from '@peerprep/contracts';
import { createTestRabbit, type TestRabbit } from '@peerprep/testing';
import { openBrokerProbe, silentLogger, waitFor, type BrokerProbe } from '../test/support';
import { EventValidationError } from './errors';
import { createMessaging, type Messaging } from './messaging';
import { deadLetterQueueName, MESSAGE_HEADERS, retryQueueName } from './naming';

jest.setTimeout(30_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('messaging over the real RabbitMQ', () => {
  let rabbit: TestRabbit;
  let probe: BrokerProbe;
  let messaging: Messaging;

  beforeAll(async () => {
    rabbit = await createTestRabbit('messaging');
    probe = await openBrokerProbe(rabbit.url);
    await probe.channel.assertExchange(rabbit.exchange, 'topic', { durable: true });
  });
  beforeEach(() => {
    messaging = createMessaging({
      url: rabbit.url,
      serviceName: 'messaging-test',
      exchange: rabbit.exchange,
      logger: silentLogger,
    });
  });
  afterEach(async () => {
    await messaging.close();
  });
  afterAll(async () => {
    await probe.close();
    await rabbit.cleanup();
  });

  /** A queue bound like a consumer's, but with nobody consuming, to inspect what arrives. */
  async function observedQueue(base: string, routingKey: string): Promise<string> {
    const queue = rabbit.queueName(base);
    await probe.channel.assertQueue(queue, { durable: true });
    await probe.channel.bindQueue(queue, rabbit.exchange, routingKey);
    return queue;
  }

  it('delivers a published event to the subscribed handler with id, type, version and time', async () => {
    const received: EventEnvelope[] = [];
    await messaging.subscribe({
      queue: rabbit.queueName('round-trip'),
      handlers: { 'user.deleted': async (event) => void received.push(event) },
    });
    const userId = randomUUID();

    const published = await messaging.publish('user.deleted', { userId }, { correlationId: 'req-1' });

    await waitFor('the handler to receive the event', () => received.length === 1);
    expect(received[0]).toEqual(published);
    expect(published).toEqual({
      id: expect.stringMatching(UUID),
      type: 'user.deleted',
      version: 1,
      occurredAt: expect.any(String),
      correlationId: 'req-1',
      payload: { userId },
    });
    expect(new Date(published.occurredAt).toISOString()).toBe(published.occurredAt);
  });

  it('resolves publish only once the broker holds the message, persistent and typed', async () => {
    const queue = await observedQueue('confirmed', 'user.deleted');

    const published = await messaging.publish('user.deleted', { userId: randomUUID() });

    expect(await probe.readyCount(queue)).toBe(1);
    const message = await probe.channel.get(queue, { noAck: true });
    if (!message) throw new Error('expected a message');
    expect(message.properties.deliveryMode).toBe(2);
    expect(message.properties.messageId).toBe(published.id);
    expect(message.properties.contentType).toBe('application/json');
    expect(message.fields.routingKey).toBe('user.deleted');
    expect(JSON.parse(message.content.toString())).toEqual(published);
  });

  it('rejects an invalid payload or unknown type and publishes nothing', async () => {
    const queue = await observedQueue('invalid-publish', '#');

    const invalid = messaging.publish('user.deleted', { userId: 'not-a-uuid' });
    await expect(invalid).rejects.toBeInstanceOf(EventValidationError);
    await expect(invalid).rejects.toMatchObject({ eventType: 'user.deleted', fields: [{ field: 'payload.userId' }] });
    // @ts-expect-error an event type the catalog does not know does not compile either
    await expect(messaging.publish('user.renamed', {})).rejects.toThrow(/Unknown event type "user.renamed"/);
    await expect(messaging.publish('user.deleted', { userId: randomUUID() }, { id: 'not-a-uuid' })).rejects.toThrow(
      EventValidationError,
    );

    const valid = await messaging.publish('user.deleted', { userId: randomUUID() });
    const messages = await probe.drain(queue);
    expect(messages.map((m) => JSON.parse(m.body).id)).toEqual([valid.id]);
  });

  it('binds the queue to exactly the event types it handles', async () => {
    const catalog = {
      'test.greeted': defineEvent(1, z.object({ name: z.string().min(1) })),
      'test.ignored': defineEvent(1, z.object({})),
    };
    const typed = createMessaging({
      url: rabbit.url,
      serviceName: 'messaging-test',
      exchange: rabbit.exchange,
      logger: silentLogger,
      catalog,
    });
    try {
      const queue = rabbit.queueName('exact-bindings');
      const greeted: string[] = [];
      await typed.subscribe({
        queue,
        prefetch: 1,
        handlers: { 'test.greeted': async (event) => void greeted.push(event.payload.name) },
      });

      // FIFO: had the ignored event reached the queue it would be handled (dead-lettered) first.
      await typed.publish('test.ignored', {});
      await typed.publish('test.greeted', { name: 'Ada' });

      await waitFor('the greeted event', () => greeted.length === 1);
      expect(greeted).toEqual(['Ada']);
      expect(await probe.readyCount(deadLetterQueueName(queue))).toBe(0);
      expect(await probe.readyCount(queue)).toBe(0);
    } finally {
      await typed.close();
    }
  });

  it('retries a failing handler maxRetries times with a delay, then dead-letters it with the reason', async () => {
    const queue = rabbit.queueName('retries');
    const attempts: string[] = [];
    await messaging.subscribe({
      queue,
      maxRetries: 3,
      retryDelayMs: 50,
      handlers: {
        'user.deleted': async (event) => {
          attempts.push(event.id);
          throw new Error(`cannot anonymise ${event.payload.userId}`);
        },
      },
    });
    const userId = randomUUID();

    const published = await messaging.publish('user.deleted', { userId });

    await waitFor('a dead letter', async () => (await probe.readyCount(deadLetterQueueName(queue))) === 1);
    expect(attempts).toEqual([published.id, published.id, published.id, published.id]);
    const [deadLetter] = await probe.drain(deadLetterQueueName(queue));
    expect(JSON.parse(deadLetter.body)).toEqual(published);
    expect(deadLetter.headers).toMatchObject({
      [MESSAGE_HEADERS.deadLetterReason]: `Handler failed after 3 retries: cannot anonymise ${userId}`,
      [MESSAGE_HEADERS.retryCount]: 3,
      [MESSAGE_HEADERS.deadLetterQueue]: queue,
      [MESSAGE_HEADERS.originalRoutingKey]: 'user.deleted',
    });
    expect(await probe.readyCount(retryQueueName(queue))).toBe(0);
  });

  it('handles an event that succeeds on a retry exactly once and dead-letters nothing', async () => {
    const queue = rabbit.queueName('recovers');
    let attempts = 0;
    let handled = 0;
    await messaging.subscribe({
      queue,
      retryDelayMs: 50,
      handlers: {
        'user.deleted': async () => {
          attempts += 1;
          if (attempts < 3) throw new Error('transient');
          handled += 1;
        },
      },
    });

    await messaging.publish('user.deleted', { userId: randomUUID() });

    await waitFor('the third attempt to succeed', () => handled === 1);
    expect(attempts).toBe(3);
    expect(await probe.readyCount(deadLetterQueueName(queue))).toBe(0);
  });

  it('dead-letters invalid messages with the reason and keeps consuming the next good one', async () => {
    const queue = rabbit.queueName('invalid-consume');
    const handled: string[] = [];
    await messaging.subscribe({
      queue,
      prefetch: 1,
      handlers: { 'user.deleted': async (event) => void handled.push(event.payload.userId) },
    });
    const envelope = (payload: unknown, overrides: object = {}) => ({
      id: randomUUID(),
      type: 'user.deleted',
      version: 1,
      occurredAt: new Date().toISOString(),
      payload,
      ...overrides,
    });

    await probe.publishRaw(rabbit.exchange, 'user.deleted', '{not json');
    await probe.publishRaw(rabbit.exchange, 'user.deleted', envelope({ userId: 42 }));
    await probe.publishRaw(rabbit.exchange, 'user.deleted', envelope({ userId: randomUUID() }, { id: 'nope' }));
    await probe.publishRaw(rabbit.exchange, 'user.deleted', envelope({ userId: randomUUID() }, { version: 2 }));
    const good = await messaging.publish('user.deleted', { userId: randomUUID() });

    await waitFor('the good event', () => handled.length === 1);
    expect(handled).toEqual([good.payload.userId]);
    await waitFor('four dead letters', async () => (await probe.readyCount(deadLetterQueueName(queue))) === 4);
    const reasons = (await probe.drain(deadLetterQueueName(queue))).map(
      (m) => m.headers[MESSAGE_HEADERS.deadLetterReason],
    );
    expect(reasons).toEqual([
      expect.stringMatching(/^Body is not JSON/),
      expect.stringMatching(/^Invalid payload for "user.deleted" v1: payload.userId: /),
      expect.stringMatching(/^Invalid envelope: envelope.id: /),
      'Unsupported version 2 of "user.deleted" (this consumer knows up to 1)',
    ]);
  });

  it('close() waits for publishes still awaiting their confirm', async () => {
    const queue = await observedQueue('close-drains', 'user.deleted');
    const before = await probe.readyCount(queue);

    const publishing = messaging.publish('user.deleted', { userId: randomUUID() });
    await messaging.close();

    await expect(publishing).resolves.toMatchObject({ type: 'user.deleted' });
    expect(await probe.readyCount(queue)).toBe(before + 1);
    await expect(messaging.publish('user.deleted', { userId: randomUUID() })).rejects.toThrow('Messaging is closed');
  });

  it('check() resolves while connected and rejects after close', async () => {
    await waitFor('the connection', async () => {
      try {
        await messaging.check();
        return true;
      } catch {
        return false;
      }
    });
    await messaging.close();
    await expect(messaging.check()).rejects.toThrow(/not connected/);
  });
});

describe('test isolation', () => {
  it("createTestRabbit's cleanup removes a subscription's queue, retry queue and dead-letter queue", async () => {
    const rabbit = await createTestRabbit('messaging-cleanup');
    const messaging = createMessaging({ url: rabbit.url, serviceName: 't', exchange: rabbit.exchange, logger: silentLogger });
    const queue = rabbit.queueName('owned');
    await messaging.subscribe({ queue, handlers: { 'user.deleted': async () => undefined } });
    await messaging.close();
    const probe = await openBrokerProbe(rabbit.url);
    const owned = [queue, retryQueueName(queue), deadLetterQueueName(queue)];
    try {
      for (const name of owned) expect(await probe.queueExists(name)).toBe(true);

      await rabbit.cleanup();

      for (const name of owned) expect(await probe.queueExists(name)).toBe(false);
    } finally {
      await probe.close();
    }
  });
});
