import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@peerprep/contracts';
import { createTestRabbit, startTcpProxy, type TcpProxy, type TestRabbit } from '@peerprep/testing';
import { deferred, openBrokerProbe, silentLogger, succeeds, waitFor, type BrokerProbe } from '../test/support';
import { createMessaging, type Messaging } from './messaging';
import { messagingDependency } from './dependency';

jest.setTimeout(30_000);

/** Broker outages, simulated by cutting a TCP proxy between the library and the shared RabbitMQ. */
describe('messaging when the broker connection fails', () => {
  let rabbit: TestRabbit;
  let probe: BrokerProbe;
  let proxy: TcpProxy;
  const opened: Messaging[] = [];

  function connect(url: string, serviceName: string): Messaging {
    const messaging = createMessaging({
      url,
      serviceName,
      exchange: rabbit.exchange,
      logger: silentLogger,
      reconnectTimeInSeconds: 0.05,
      closeTimeoutMs: 2_000,
    });
    opened.push(messaging);
    return messaging;
  }
  const throughProxy = (name: string) => connect(proxy.url('amqp', 'guest:guest'), name);
  const direct = (name: string) => connect(rabbit.url, name);
  const connected = (messaging: Messaging) => succeeds(() => messaging.check());

  beforeAll(async () => {
    rabbit = await createTestRabbit('messaging-resilience');
    probe = await openBrokerProbe(rabbit.url);
    const broker = new URL(rabbit.url);
    proxy = await startTcpProxy({ host: broker.hostname, port: Number(broker.port || 5672) });
  });
  afterEach(async () => {
    await proxy.resume();
    await Promise.all(opened.splice(0).map((messaging) => messaging.close()));
  });
  afterAll(async () => {
    await proxy.close();
    await probe.close();
    await rabbit.cleanup();
  });

  it('redelivers an event to another consumer when the first one dies before its ack', async () => {
    const queue = rabbit.queueName('dies-before-ack');
    const firstGotIt = deferred<EventEnvelope>();
    const releaseFirst = deferred();
    const doomed = throughProxy('doomed-consumer');
    await doomed.subscribe({
      queue,
      prefetch: 1,
      handlers: {
        'user.deleted': async (event) => {
          firstGotIt.resolve(event);
          await releaseFirst.promise;
        },
      },
    });
    const publisher = direct('publisher');
    const published = await publisher.publish('user.deleted', { userId: randomUUID() });
    expect((await firstGotIt.promise).id).toBe(published.id);

    await proxy.pause();
    const secondGot: EventEnvelope[] = [];
    const survivor = direct('surviving-consumer');
    await survivor.subscribe({
      queue,
      handlers: { 'user.deleted': async (event) => void secondGot.push(event) },
    });

    await waitFor('the redelivery to the second consumer', () => secondGot.length === 1);
    expect(secondGot[0]).toEqual(published);
    // The first handler finishing late acks on a dead channel: no crash, no second ack.
    releaseFirst.resolve();
    await doomed.close();
    expect(await probe.readyCount(queue)).toBe(0);
  });

  it('keeps a publish made while the broker is unreachable and resolves it only after delivery on reconnect', async () => {
    const queue = rabbit.queueName('publish-while-down');
    const received: EventEnvelope[] = [];
    const consumer = direct('consumer');
    await consumer.subscribe({ queue, handlers: { 'user.deleted': async (event) => void received.push(event) } });
    const publisher = throughProxy('publisher');
    await waitFor('the publisher to connect', () => connected(publisher));

    await proxy.pause();
    await waitFor('the publisher to notice the outage', async () => !(await connected(publisher)));
    let settled = false;
    const publishing = publisher.publish('user.deleted', { userId: randomUUID() }).finally(() => (settled = true));
    // Two refused reconnect attempts prove the publish waited through an outage.
    const refusedBefore = proxy.stats().refused;
    await waitFor('reconnect attempts to be refused', () => proxy.stats().refused >= refusedBefore + 2);
    expect(settled).toBe(false);
    expect(received).toEqual([]);

    await proxy.resume();
    const published = await publishing;

    await waitFor('delivery after reconnect', () => received.length === 1);
    expect(received[0]).toEqual(published);
  });

  it('check() rejects while the broker is unreachable and resolves again after reconnect', async () => {
    const messaging = throughProxy('readiness');
    const dependency = messagingDependency(messaging);
    expect(dependency.name).toBe('rabbitmq');
    await waitFor('the first connection', () => succeeds(() => dependency.check()));

    await proxy.pause();
    await waitFor('check() to fail', async () => !(await succeeds(() => dependency.check())));
    await expect(messaging.check()).rejects.toThrow('RabbitMQ is not connected');

    await proxy.resume();
    await waitFor('check() to pass again', () => succeeds(() => dependency.check()));
  });

  it('consumes again after a reconnect, with its queue re-declared', async () => {
    const queue = rabbit.queueName('resubscribes');
    const received: string[] = [];
    const consumer = throughProxy('consumer');
    await consumer.subscribe({ queue, handlers: { 'user.deleted': async (event) => void received.push(event.id) } });
    const publisher = direct('publisher');
    const first = await publisher.publish('user.deleted', { userId: randomUUID() });
    await waitFor('the first event', () => received.length === 1);

    await proxy.pause();
    await waitFor('the consumer to notice the outage', async () => !(await connected(consumer)));
    // Deleting the queue during the outage proves the setup runs again on reconnect.
    await probe.channel.deleteQueue(queue);
    await proxy.resume();
    await waitFor('the consumer to reconnect', () => connected(consumer));
    // Declared, bound, then consumed: a publish before the binding would route nowhere.
    await waitFor('the queue to be declared, bound and consumed again', async () => (await probe.consumerCount(queue)) === 1);
    const second = await publisher.publish('user.deleted', { userId: randomUUID() });

    await waitFor('the second event', () => received.length === 2);
    expect(received).toEqual([first.id, second.id]);
  });
});
