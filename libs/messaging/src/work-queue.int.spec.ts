import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createTestRabbit, startTcpProxy, type TcpProxy, type TestRabbit } from '@peerprep/testing';
import { deferred, openBrokerProbe, silentLogger, succeeds, waitFor, type BrokerProbe } from '../test/support';
import { MessagingUnavailableError } from './errors';
import {
  createWorkQueue,
  deadJobQueueName,
  JobValidationError,
  WorkQueueFullError,
  workQueueArguments,
  type DeadJob,
  type JobDelivery,
  type WorkQueue,
  type WorkQueueOptions,
} from './work-queue';

jest.setTimeout(30_000);

const jobSchema = z.strictObject({ id: z.string().uuid(), n: z.number().int() });
type Job = z.infer<typeof jobSchema>;
const job = (n = 1): Job => ({ id: randomUUID(), n });

describe('work queue over the real RabbitMQ', () => {
  let rabbit: TestRabbit;
  let probe: BrokerProbe;
  const proxies: TcpProxy[] = [];
  const opened: WorkQueue<Job>[] = [];
  const releases: (() => void)[] = [];

  function open(queue: string, extra: Partial<WorkQueueOptions<Job>> = {}): WorkQueue<Job> {
    const workQueue = createWorkQueue({
      url: rabbit.url,
      serviceName: 'work-queue-test',
      queue,
      schema: jobSchema,
      maxLength: 100,
      logger: silentLogger,
      reconnectTimeInSeconds: 0.05,
      closeTimeoutMs: 2_000,
      ...extra,
    });
    opened.push(workQueue);
    return workQueue;
  }

  /** A consumer through a TCP proxy of its own, so the test can cut its connection like a killed replica's. */
  async function openDoomed(queue: string): Promise<{ workQueue: WorkQueue<Job>; proxy: TcpProxy }> {
    const broker = new URL(rabbit.url);
    const proxy = await startTcpProxy({ host: broker.hostname, port: Number(broker.port || 5672) });
    proxies.push(proxy);
    return { workQueue: open(queue, { url: proxy.url('amqp', 'guest:guest') }), proxy };
  }

  /** A handler that blocks until the test ends (or releases it), recording what it got. */
  function blockingHandler(received: { job: Job; delivery: JobDelivery }[]) {
    const gate = deferred();
    releases.push(gate.resolve);
    return {
      release: gate.resolve,
      handler: async (got: Job, delivery: JobDelivery) => {
        received.push({ job: got, delivery });
        await gate.promise;
      },
    };
  }

  beforeAll(async () => {
    rabbit = await createTestRabbit('work-queue');
    probe = await openBrokerProbe(rabbit.url);
  });
  afterEach(async () => {
    for (const release of releases.splice(0)) release();
    await Promise.all(opened.splice(0).map((workQueue) => workQueue.close()));
    await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  });
  afterAll(async () => {
    await probe.close();
    await rabbit.cleanup();
  });

  it('delivers a sent job, persistent, to one consumer with attempt 1, and acks it when the handler resolves', async () => {
    const queue = rabbit.queueName('round-trip');
    const workQueue = open(queue);
    const received: { job: Job; delivery: JobDelivery }[] = [];
    await workQueue.consume(async (got, delivery) => void received.push({ job: got, delivery }), { prefetch: 1 });
    const sent = job(7);

    await workQueue.send(sent, { messageId: 'job-1', correlationId: 'req-1' });

    await waitFor('the job', () => received.length === 1);
    expect(received[0]).toEqual({ job: sent, delivery: { attempt: 1, messageId: 'job-1' } });
    await waitFor('the ack', async () => (await probe.channel.checkQueue(queue)).messageCount === 0);
    const after = await probe.channel.checkQueue(queue);
    expect(after.consumerCount).toBe(1);
  });

  it('declares a quorum queue with the shared arguments, so a declaration with other arguments is refused', async () => {
    const queue = rabbit.queueName('declared');
    const workQueue = open(queue, { maxLength: 42 });
    await workQueue.send(job());
    // Same arguments: accepted (another service declaring the queue).
    await probe.channel.assertQueue(queue, { durable: true, arguments: workQueueArguments(queue, 42) });
    expect(await probe.readyCount(queue)).toBe(1);
    // A declarer with another bound is refused by the broker (PRECONDITION_FAILED).
    const connection = await (await import('amqplib')).connect(rabbit.url);
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await expect(
        channel.assertQueue(queue, { durable: true, arguments: workQueueArguments(queue, 43) }),
      ).rejects.toThrow(/PRECONDITION_FAILED/);
      // The classic queue a type check needs is not it either: it is a quorum queue.
      const other = await connection.createChannel();
      other.on('error', () => undefined);
      await expect(other.assertQueue(queue, { durable: true })).rejects.toThrow(/PRECONDITION_FAILED/);
    } finally {
      await connection.close();
    }
    expect(await probe.queueExists(deadJobQueueName(queue))).toBe(true);
  });

  it('refuses to consume, and fails readiness, where the queue was declared with another bound', async () => {
    const queue = rabbit.queueName('mismatch');
    const first = open(queue, { maxLength: 42 });
    await first.send(job());
    const other = open(queue, { maxLength: 43 });

    // The broker closes the channel on the declaration (406 PRECONDITION_FAILED, or "Channel ended" for the call under way).
    await expect(other.consume(async () => undefined, { prefetch: 1 })).rejects.toThrow(/PRECONDITION|Channel ended/);
    await waitFor('readiness to fail', async () => !(await succeeds(() => other.check())));
    // amqplib closes the whole connection on the channel error, so the refusal repeats at every reconnect.
    await expect(other.check()).rejects.toThrow(/not connected|refused the work queue/);
    await expect(first.check()).resolves.toBeUndefined();
  });

  it('rejects an invalid job on send and sends nothing', async () => {
    const queue = rabbit.queueName('invalid-send');
    const workQueue = open(queue);
    await workQueue.send(job(1));

    const invalid = workQueue.send({ id: 'not-a-uuid', n: 1.5 } as Job);
    await expect(invalid).rejects.toBeInstanceOf(JobValidationError);
    await expect(invalid).rejects.toMatchObject({ fields: [{ field: 'id' }, { field: 'n' }] });

    expect(await probe.readyCount(queue)).toBe(1);
  });

  it('rejects send with WorkQueueFullError once the queue is at maxLength (the broker nacks)', async () => {
    const queue = rabbit.queueName('full');
    const maxLength = 3;
    const workQueue = open(queue, { maxLength });
    const outcomes: string[] = [];
    for (let i = 0; i < maxLength + 3; i += 1) {
      outcomes.push(
        await workQueue.send(job(i)).then(
          () => 'sent',
          (error: unknown) => (error instanceof WorkQueueFullError ? 'full' : String(error)),
        ),
      );
    }
    // A quorum queue learns it is full one message late: maxLength + 1 at most.
    const sent = outcomes.filter((outcome) => outcome === 'sent').length;
    expect(sent).toBeGreaterThanOrEqual(maxLength);
    expect(sent).toBeLessThanOrEqual(maxLength + 1);
    expect(outcomes.slice(sent)).toEqual(Array(outcomes.length - sent).fill('full'));
    expect(await probe.readyCount(queue)).toBe(sent);

    // Room again once jobs are taken.
    await probe.channel.purgeQueue(queue);
    await waitFor('the queue to take jobs again', () => succeeds(() => workQueue.send(job())));
  });

  it('rejects send with MessagingUnavailableError when the broker does not take the job within sendTimeoutMs', async () => {
    const broker = new URL(rabbit.url);
    const proxy = await startTcpProxy({ host: broker.hostname, port: Number(broker.port || 5672) });
    proxies.push(proxy);
    const queue = rabbit.queueName('send-timeout');
    const workQueue = open(queue, { url: proxy.url('amqp', 'guest:guest'), sendTimeoutMs: 300 });
    await workQueue.send(job(1));
    await proxy.pause();
    await waitFor('the sender to notice the outage', async () => !(await succeeds(() => workQueue.check())));

    await expect(workQueue.send(job(2))).rejects.toThrow(MessagingUnavailableError);

    await proxy.resume();
    await waitFor('the sender to reconnect', () => succeeds(() => workQueue.check()));
    await workQueue.send(job(3));
    expect(await probe.readyCount(queue)).toBe(2);
  });

  it('gives each consumer no more jobs at once than its prefetch', async () => {
    const queue = rabbit.queueName('prefetch');
    const workQueue = open(queue);
    const received: { job: Job; delivery: JobDelivery }[] = [];
    const { handler, release } = blockingHandler(received);
    await workQueue.consume(handler, { prefetch: 2 });

    for (let i = 0; i < 5; i += 1) await workQueue.send(job(i));

    await waitFor('two jobs running', () => received.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(2);
    expect(await probe.readyCount(queue)).toBe(3);

    release();
    await waitFor('every job', () => received.length === 5);
    expect(received.map((r) => r.job.n)).toEqual([0, 1, 2, 3, 4]);
  });

  it('redelivers the job of a consumer whose connection died mid-job with attempt 2, and dead-letters it when that one dies too', async () => {
    const queue = rabbit.queueName('lost');
    const first = await openDoomed(queue);
    const second = await openDoomed(queue);
    const firstGot: { job: Job; delivery: JobDelivery }[] = [];
    const secondGot: { job: Job; delivery: JobDelivery }[] = [];
    await first.workQueue.consume(blockingHandler(firstGot).handler, { prefetch: 1 });
    const dead: DeadJob<Job>[] = [];
    const watcher = open(queue);
    await watcher.consumeDead(async (got) => void dead.push(got));
    const sent = job(1);
    await watcher.send(sent, { messageId: 'lost-job' });
    await waitFor('the first consumer to take the job', () => firstGot.length === 1);
    expect(firstGot[0]?.delivery.attempt).toBe(1);
    await second.workQueue.consume(blockingHandler(secondGot).handler, { prefetch: 1 });

    await first.proxy.pause();

    await waitFor('the redelivery to the second consumer', () => secondGot.length === 1);
    expect(secondGot[0]).toEqual({ job: sent, delivery: { attempt: 2, messageId: 'lost-job' } });
    expect(dead).toEqual([]);

    await second.proxy.pause();

    await waitFor('the job to die', () => dead.length === 1);
    expect(dead[0]).toEqual({ job: sent, raw: sent, cause: 'lost', reason: expect.stringMatching(/lost .* 2 times/) });
    expect(await probe.readyCount(queue)).toBe(0);
    expect(await probe.readyCount(deadJobQueueName(queue))).toBe(0);
  });

  it('dead-letters the job of a handler that throws, with the error as the reason, without redelivering it', async () => {
    const queue = rabbit.queueName('throws');
    const workQueue = open(queue);
    let calls = 0;
    await workQueue.consume(
      async () => {
        calls += 1;
        throw new Error('sandbox exploded');
      },
      { prefetch: 1 },
    );
    const dead: DeadJob<Job>[] = [];
    await workQueue.consumeDead(async (got) => void dead.push(got));
    const sent = job(3);

    await workQueue.send(sent);

    await waitFor('the dead job', () => dead.length === 1);
    expect(dead[0]).toEqual({ job: sent, raw: sent, cause: 'handler_failed', reason: 'handler failed: sandbox exploded' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toBe(1);
    expect(await probe.readyCount(queue)).toBe(0);
  });

  it('dead-letters a job that does not fit the schema, or is not JSON, without calling the handler', async () => {
    const queue = rabbit.queueName('invalid-receipt');
    const workQueue = open(queue);
    const handled: Job[] = [];
    await workQueue.consume(async (got) => void handled.push(got), { prefetch: 1 });
    const dead: DeadJob<Job>[] = [];
    await workQueue.consumeDead(async (got) => void dead.push(got));

    await probe.publishRaw('', queue, { id: 'nope', n: 1 });
    await probe.publishRaw('', queue, 'not json {');

    await waitFor('two dead jobs', () => dead.length === 2);
    expect(dead).toEqual(
      expect.arrayContaining([
        { job: null, raw: { id: 'nope', n: 1 }, cause: 'invalid', reason: expect.stringMatching(/^invalid job: id: /) },
        { job: null, raw: 'not json {', cause: 'invalid', reason: expect.stringMatching(/^invalid job: body is not JSON/) },
      ]),
    );
    expect(handled).toEqual([]);
  });

  it('retries a dead-job handler that throws until it succeeds', async () => {
    const queue = rabbit.queueName('dead-retry');
    const workQueue = open(queue);
    await workQueue.consume(async () => Promise.reject(new Error('no')), { prefetch: 1 });
    let deadCalls = 0;
    await workQueue.consumeDead(async () => {
      deadCalls += 1;
      if (deadCalls === 1) throw new Error('events broker down');
    });

    await workQueue.send(job());

    await waitFor('the second call of the dead handler', () => deadCalls === 2);
    await waitFor('the dead job acked', async () => (await probe.channel.checkQueue(deadJobQueueName(queue))).messageCount === 0);
  });

  it('close() stops consuming and waits for the running handler, whose job is then acked', async () => {
    const queue = rabbit.queueName('close');
    const workQueue = open(queue, { closeTimeoutMs: 10_000 });
    const received: { job: Job; delivery: JobDelivery }[] = [];
    const { handler, release } = blockingHandler(received);
    await workQueue.consume(handler, { prefetch: 1 });
    await workQueue.send(job(1));
    await workQueue.send(job(2));
    await waitFor('the first job running', () => received.length === 1);

    let closed = false;
    const closing = workQueue.close().then(() => (closed = true));
    let closedAgain = false;
    // A second close (the shutdown's dependency close after the drain started it) waits for the same end.
    const closingAgain = workQueue.close().then(() => (closedAgain = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(closed).toBe(false);
    expect(closedAgain).toBe(false);

    release();
    await Promise.all([closing, closingAgain]);
    // Cancelled before the first job ended: the second one was never handed to it.
    expect(received).toHaveLength(1);
    // The first job was acked before the channel closed; the second one waits for another consumer.
    expect(await probe.readyCount(queue)).toBe(1);
    await expect(workQueue.check()).rejects.toThrow('RabbitMQ is not connected');
  });

  it('close() gives up on a handler still running after closeTimeoutMs, and the broker gets its job back', async () => {
    const queue = rabbit.queueName('close-bounded');
    const workQueue = open(queue, { closeTimeoutMs: 300 });
    const received: { job: Job; delivery: JobDelivery }[] = [];
    await workQueue.consume(blockingHandler(received).handler, { prefetch: 1 });
    await workQueue.send(job(1));
    await waitFor('the job running', () => received.length === 1);

    await workQueue.close();

    await waitFor('the job back on the queue', async () => (await probe.readyCount(queue)) === 1);
  });

  it('check() resolves while connected and rejects while the broker is unreachable', async () => {
    const { workQueue, proxy } = await openDoomed(rabbit.queueName('check'));
    await waitFor('the connection', () => succeeds(() => workQueue.check()));
    await proxy.pause();
    await waitFor('check() to fail', async () => !(await succeeds(() => workQueue.check())));
    await proxy.resume();
    await waitFor('check() to pass again', () => succeeds(() => workQueue.check()));
  });
});
