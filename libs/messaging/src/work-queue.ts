import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import pino, { type Logger } from 'pino';
import type { z } from 'zod';
import { connectToBroker, isConnectionLoss } from './connection';
import { MessagingUnavailableError } from './errors';
import { MESSAGE_HEADERS } from './naming';

/**
 * A work queue: jobs (not events) sent to one durable RabbitMQ quorum queue
 * and taken by competing consumers, each job by one of them. What the broker
 * does for us (checked on RabbitMQ 3.10.8, see work-queue.int.spec.ts):
 *
 * - the bound: `x-max-length` with `x-overflow: reject-publish` nacks a
 *   publish once the queue is full, and send() rejects with
 *   WorkQueueFullError. A quorum queue learns it is full one message late, so
 *   it holds at most maxLength + 1 ready jobs (more under concurrent sends).
 * - a consumer that dies (connection lost, process killed) gives its unacked
 *   jobs back; the quorum queue counts the return in `x-delivery-count`, and
 *   with `x-delivery-limit: 1` a job returned a second time is dead-lettered
 *   (reason `delivery_limit`) instead of redelivered.
 * - dead-lettering is `at-least-once` (quorum queues only; it requires
 *   reject-publish), so a dead job is kept until `<queue>.dead` holds it.
 *
 * Every service that touches the queue declares it through this module, so
 * the arguments are identical (RabbitMQ refuses a declaration whose
 * arguments differ with PRECONDITION_FAILED, closing the channel).
 */

/** Redeliveries after a lost consumer before a job is dead-lettered. */
export const WORK_QUEUE_DELIVERY_LIMIT = 1;

/** Where a work queue's dead jobs go: a durable classic queue. */
export function deadJobQueueName(queue: string): string {
  return `${queue}.dead`;
}

/** The work queue's declaration arguments: identical for every declarer. */
export function workQueueArguments(queue: string, maxLength: number): Record<string, unknown> {
  return {
    'x-queue-type': 'quorum',
    'x-delivery-limit': WORK_QUEUE_DELIVERY_LIMIT,
    'x-max-length': maxLength,
    'x-overflow': 'reject-publish',
    'x-dead-letter-exchange': '',
    'x-dead-letter-routing-key': deadJobQueueName(queue),
    'x-dead-letter-strategy': 'at-least-once',
  };
}

export interface WorkQueueOptions<T> {
  /** amqp://user:pass@host:port */
  url: string;
  /** Names the connection in the broker and the sender (AMQP app-id). */
  serviceName: string;
  /** The queue, e.g. 'execution.jobs'. */
  queue: string;
  /** Validated on send (throws JobValidationError, nothing sent) and on receipt (invalid → dead). */
  schema: z.ZodType<T>;
  /** Bound of the queue: x-max-length with x-overflow reject-publish. */
  maxLength: number;
  logger?: Logger;
  /**
   * How long send() waits for the broker (connecting, then the confirm)
   * before rejecting with MessagingUnavailableError; default 10 000. A job
   * already written to the broker when this fires may still be enqueued.
   */
  sendTimeoutMs?: number;
  /** How long close() waits for running handlers and unconfirmed sends; default 10 000. */
  closeTimeoutMs?: number;
  heartbeatIntervalInSeconds?: number;
  /** Wait between reconnect attempts; default 2. */
  reconnectTimeInSeconds?: number;
}

/** send() on a queue at its maxLength: the broker refused (nacked) the job. */
export class WorkQueueFullError extends Error {
  readonly queue: string;

  constructor(queue: string) {
    super(`Work queue "${queue}" is full`);
    this.name = 'WorkQueueFullError';
    this.queue = queue;
  }
}

/** A job that does not fit the queue's schema (send() rejects with it; nothing is sent). */
export class JobValidationError extends Error {
  readonly queue: string;
  readonly fields: { field: string; message: string }[];

  constructor(queue: string, fields: { field: string; message: string }[]) {
    super(`Invalid job for "${queue}": ${describeFields(fields)}`);
    this.name = 'JobValidationError';
    this.queue = queue;
    this.fields = fields;
  }
}

export interface JobDelivery {
  /** 1 for the first delivery, 2 when a consumer died with it before (1 + x-delivery-count). */
  attempt: number;
  messageId?: string;
}

/** Why a job died. */
export type DeadJobCause = 'lost' | 'handler_failed' | 'invalid';

export interface DeadJob<T> {
  /** The parsed job when it was valid, null otherwise. */
  job: T | null;
  /** The body as sent: parsed JSON, or the text when it was not JSON. */
  raw: unknown;
  /** Why, for logs and people ("handler failed: …", "invalid job: …", "lost with its consumer twice …"). */
  reason: string;
  cause: DeadJobCause;
}

export interface WorkQueue<T> {
  /** Persistent message on the queue (default exchange), resolved after the broker's publisher confirm. */
  send(job: T, opts?: { messageId?: string; correlationId?: string }): Promise<void>;
  /**
   * Consumes with this prefetch; handler resolves → ack. attempt = 1 +
   * x-delivery-count. A handler that throws → the job is dead-lettered (not
   * requeued). A consumer that dies (connection lost, process killed) → the
   * broker redelivers to another consumer with attempt 2; a job lost that
   * way a second time is dead-lettered instead of being redelivered again.
   */
  consume(handler: (job: T, delivery: JobDelivery) => Promise<void>, opts: { prefetch: number }): Promise<void>;
  /** Jobs that died: lost with their consumer twice, handler threw, or invalid. Resolves → ack; throws → retried after a second. */
  consumeDead(handler: (dead: DeadJob<T>) => Promise<void>): Promise<void>;
  /** Readiness: rejects with MessagingUnavailableError when not connected. */
  check(): Promise<void>;
  /** Stops consumers, waits for running handlers and unconfirmed sends (bounded), closes. Every call resolves when that is done. */
  close(): Promise<void>;
}

/** Extra headers of a job this library dead-letters itself (a throw, an invalid body). */
const DEAD_JOB_HEADERS = {
  cause: 'x-dead-job-cause',
  attempt: 'x-dead-job-attempt',
} as const;

const MAX_REASON_TEXT = 1_000;
const DEAD_RETRY_DELAY_MS = 1_000;
const DEAD_PREFETCH = 4;

function describeFields(fields: { field: string; message: string }[]): string {
  return fields.map((f) => `${f.field || '(job)'}: ${f.message}`).join('; ');
}

function fieldsOf(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

function truncate(text: string): string {
  return text.length > MAX_REASON_TEXT ? `${text.slice(0, MAX_REASON_TEXT)}…` : text;
}

function attemptOf(message: ConsumeMessage): number {
  const count = Number(message.properties.headers?.['x-delivery-count'] ?? 0);
  return 1 + (Number.isInteger(count) && count > 0 ? count : 0);
}

function parseBody(content: Buffer): { ok: true; value: unknown } | { ok: false; text: string; reason: string } {
  const text = content.toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, text, reason: `body is not JSON: ${(error as Error).message}` };
  }
}

/** Why the broker or this library dead-lettered a job, from its headers. */
function deathOf(message: ConsumeMessage): { cause: DeadJobCause; reason: string } {
  const headers = message.properties.headers ?? {};
  const ownCause = headers[DEAD_JOB_HEADERS.cause];
  const ownReason = headers[MESSAGE_HEADERS.deadLetterReason];
  if ((ownCause === 'handler_failed' || ownCause === 'invalid') && typeof ownReason === 'string') {
    return { cause: ownCause, reason: ownReason };
  }
  const brokerReason = String(headers['x-first-death-reason'] ?? 'unknown');
  if (brokerReason === 'delivery_limit') {
    return {
      cause: 'lost',
      reason: `lost with its consumer ${WORK_QUEUE_DELIVERY_LIMIT + 1} times (delivery limit reached)`,
    };
  }
  // 'rejected': a consumer nacked it when it could not forward it with a reason.
  return { cause: 'handler_failed', reason: `dead-lettered by the broker (${brokerReason})` };
}

interface ConsumerState {
  wrapper: ChannelWrapper;
  consumers: Map<ConfirmChannel, string>;
}

export function createWorkQueue<T>(opts: WorkQueueOptions<T>): WorkQueue<T> {
  const { queue, schema, maxLength } = opts;
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new Error('maxLength must be a positive integer');
  const deadQueue = deadJobQueueName(queue);
  const queueArguments = workQueueArguments(queue, maxLength);
  const sendTimeoutMs = opts.sendTimeoutMs ?? 10_000;
  const closeTimeoutMs = opts.closeTimeoutMs ?? 10_000;
  const logger = (opts.logger ?? pino({ name: opts.serviceName })).child({ component: 'work-queue', queue });

  const manager: AmqpConnectionManager = connectToBroker({ ...opts, logger });

  async function declare(channel: ConfirmChannel): Promise<void> {
    // The dead queue first: the main queue dead-letters into it.
    await channel.assertQueue(deadQueue, { durable: true });
    await channel.assertQueue(queue, { durable: true, arguments: queueArguments });
  }

  // The broker refuses a declaration whose arguments differ from the queue's
  // (another maxLength): readiness fails with that until a setup succeeds.
  let topologyError: Error | undefined;
  const sender: ChannelWrapper = manager.createChannel({
    name: `work-queue-sender:${queue}`,
    confirm: true,
    setup: async (channel: ConfirmChannel) => {
      await declare(channel);
      topologyError = undefined;
    },
  });
  sender.on('error', (err: Error) => {
    topologyError = err;
    logger.error({ err }, 'sender channel setup failed');
  });

  const consumerStates: ConsumerState[] = [];
  const inFlight = new Set<Promise<void>>();
  const pendingSends = new Set<Promise<void>>();
  let closing = false;
  let closed = false;
  let closePromise: Promise<void> | undefined;

  async function sendConfirmed(content: Buffer, options: Options.Publish): Promise<void> {
    for (;;) {
      try {
        await sender.sendToQueue(queue, content, { ...options, timeout: sendTimeoutMs });
        return;
      } catch (error) {
        if (error instanceof Error && error.message === 'timeout') {
          throw new MessagingUnavailableError(`RabbitMQ did not take the job within ${sendTimeoutMs} ms`);
        }
        if (error instanceof Error && /nack/i.test(error.message)) throw new WorkQueueFullError(queue);
        // A connection lost between send and confirm: send again (at least once).
        if (closed || !isConnectionLoss(error)) throw error;
        logger.warn({ err: error, messageId: options.messageId }, 'job not confirmed before disconnect; resending');
      }
    }
  }

  /**
   * Starts a consumer on its own channel. The setup runs again after every
   * reconnect; each ack goes to the raw channel that delivered the message.
   * Resolves once consuming, or at once when the broker is unreachable (the
   * setup then runs on connect); rejects when the broker refuses the topology.
   */
  async function startConsumer(
    name: string,
    from: string,
    prefetch: number,
    onDelivery: (channel: ConfirmChannel, message: ConsumeMessage) => Promise<void>,
  ): Promise<void> {
    const consumers = new Map<ConfirmChannel, string>();
    let firstSetup!: { resolve: () => void; reject: (error: Error) => void };
    const ready = new Promise<void>((resolve, reject) => (firstSetup = { resolve, reject }));
    const wrapper = manager.createChannel({
      name: `${name}:${queue}`,
      confirm: true,
      setup: async (channel: ConfirmChannel) => {
        await declare(channel);
        // Per consumer (quorum queues have no global prefetch).
        await channel.prefetch(prefetch);
        if (closing) return;
        const { consumerTag } = await channel.consume(
          from,
          (message) => {
            if (message === null) {
              logger.error({ from }, 'consumer cancelled by the broker');
              return;
            }
            const task = onDelivery(channel, message)
              .catch((error) => logger.error({ err: error }, 'delivery processing failed; the broker will redeliver it'))
              .finally(() => inFlight.delete(task));
            inFlight.add(task);
          },
          { noAck: false },
        );
        consumers.set(channel, consumerTag);
        channel.once('close', () => consumers.delete(channel));
        logger.info({ from, prefetch }, 'consuming');
        firstSetup.resolve();
      },
    });
    consumerStates.push({ wrapper, consumers });
    const onSetupError = (error: Error) => firstSetup.reject(error);
    wrapper.on('error', onSetupError);
    wrapper.on('error', (error: Error) => logger.error({ err: error }, 'consumer channel setup failed'));
    let onConnectFailed: (() => void) | undefined;
    const unreachable = new Promise<void>((resolve) => {
      onConnectFailed = () => resolve();
      if (!manager.isConnected()) manager.once('connectFailed', onConnectFailed);
    });
    try {
      await Promise.race([ready, unreachable]);
    } finally {
      wrapper.off('error', onSetupError);
      if (onConnectFailed) manager.removeListener('connectFailed', onConnectFailed);
    }
  }

  function ack(channel: ConfirmChannel, message: ConsumeMessage): void {
    try {
      channel.ack(message);
    } catch {
      // The channel that delivered it is closed; the broker gives it back.
      logger.debug({ messageId: message.properties.messageId }, 'ack after the channel closed');
    }
  }

  /**
   * Moves a delivery to the dead queue with the reason, acking the original
   * only after the broker confirmed the copy (a crash in between leaves a
   * duplicate, never a loss). When the copy cannot be made, a nack without
   * requeue lets the broker dead-letter it (reason `rejected`).
   */
  async function deadLetter(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    cause: 'handler_failed' | 'invalid',
    reason: string,
  ): Promise<void> {
    const { properties } = message;
    logger.warn({ reason, messageId: properties.messageId }, 'job dead-lettered');
    const options: Options.Publish = {
      persistent: true,
      contentType: properties.contentType,
      messageId: properties.messageId,
      correlationId: properties.correlationId,
      timestamp: properties.timestamp,
      appId: properties.appId,
      headers: {
        [DEAD_JOB_HEADERS.cause]: cause,
        [DEAD_JOB_HEADERS.attempt]: attemptOf(message),
        [MESSAGE_HEADERS.deadLetterReason]: truncate(reason),
        [MESSAGE_HEADERS.deadLetteredAt]: new Date().toISOString(),
        [MESSAGE_HEADERS.deadLetterQueue]: queue,
      },
    };
    try {
      await new Promise<void>((resolve, reject) => {
        channel.sendToQueue(deadQueue, message.content, options, (error) => (error ? reject(error) : resolve()));
      });
    } catch (error) {
      logger.error({ err: error }, 'could not copy the job to the dead queue; rejecting it instead');
      try {
        channel.nack(message, false, false);
      } catch {
        // Channel gone: the broker gives it back and counts the delivery.
      }
      return;
    }
    ack(channel, message);
  }

  const workQueue: WorkQueue<T> = {
    async send(job, sendOpts = {}) {
      if (closing) throw new Error('Work queue is closed');
      const parsed = schema.safeParse(job);
      if (!parsed.success) throw new JobValidationError(queue, fieldsOf(parsed.error));
      const options: Options.Publish = {
        persistent: true,
        contentType: 'application/json',
        timestamp: Math.floor(Date.now() / 1000),
        appId: opts.serviceName,
        ...(sendOpts.messageId === undefined ? {} : { messageId: sendOpts.messageId }),
        ...(sendOpts.correlationId === undefined ? {} : { correlationId: sendOpts.correlationId }),
      };
      const task = sendConfirmed(Buffer.from(JSON.stringify(parsed.data)), options);
      pendingSends.add(task);
      try {
        await task;
      } finally {
        pendingSends.delete(task);
      }
    },

    async consume(handler, { prefetch }) {
      if (closing) throw new Error('Work queue is closed');
      if (!Number.isInteger(prefetch) || prefetch < 1) throw new Error('prefetch must be a positive integer');
      await startConsumer('work-queue-consumer', queue, prefetch, async (channel, message) => {
        const body = parseBody(message.content);
        if (!body.ok) return deadLetter(channel, message, 'invalid', `invalid job: ${body.reason}`);
        const parsed = schema.safeParse(body.value);
        if (!parsed.success) {
          return deadLetter(channel, message, 'invalid', `invalid job: ${describeFields(fieldsOf(parsed.error))}`);
        }
        const delivery: JobDelivery = {
          attempt: attemptOf(message),
          ...(message.properties.messageId === undefined ? {} : { messageId: message.properties.messageId }),
        };
        try {
          await handler(parsed.data, delivery);
        } catch (error) {
          logger.warn({ err: error, messageId: delivery.messageId, attempt: delivery.attempt }, 'job handler failed');
          const text = error instanceof Error ? error.message : String(error);
          return deadLetter(channel, message, 'handler_failed', `handler failed: ${text}`);
        }
        ack(channel, message);
      });
    },

    async consumeDead(handler) {
      if (closing) throw new Error('Work queue is closed');
      await startConsumer('work-queue-dead-consumer', deadQueue, DEAD_PREFETCH, async (channel, message) => {
        const body = parseBody(message.content);
        const raw = body.ok ? body.value : body.text;
        const parsed = body.ok ? schema.safeParse(body.value) : undefined;
        const dead: DeadJob<T> = { job: parsed?.success ? parsed.data : null, raw, ...deathOf(message) };
        try {
          await handler(dead);
        } catch (error) {
          logger.error({ err: error, messageId: message.properties.messageId }, 'dead job handler failed; retrying');
          await new Promise((resolve) => setTimeout(resolve, DEAD_RETRY_DELAY_MS));
          try {
            channel.nack(message, false, true);
          } catch {
            // Channel gone: the broker gives it back.
          }
          return;
        }
        ack(channel, message);
      });
    },

    async check() {
      if (closed || !manager.isConnected()) throw new MessagingUnavailableError();
      if (topologyError) throw new MessagingUnavailableError(`RabbitMQ refused the work queue: ${topologyError.message}`);
    },

    close() {
      closePromise ??= closeOnce();
      return closePromise;
    },
  };

  async function closeOnce(): Promise<void> {
    closing = true;
    for (const { consumers } of consumerStates) {
      for (const [channel, consumerTag] of consumers) await channel.cancel(consumerTag).catch(() => undefined);
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...inFlight, ...pendingSends]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, closeTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (inFlight.size > 0) logger.warn({ running: inFlight.size }, 'closing with jobs still running; the broker redelivers them');
    closed = true;
    await Promise.all(consumerStates.map(({ wrapper }) => wrapper.close().catch(() => undefined)));
    await sender.close().catch(() => undefined);
    await manager.close();
    logger.info('work queue closed');
  }

  return workQueue;
}
