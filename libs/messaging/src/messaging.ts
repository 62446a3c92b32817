import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, Options } from 'amqplib';
import pino, { type Logger } from 'pino';
import type { z } from 'zod';
import { eventCatalog, type EventCatalog, type EventDefinition, type EventEnvelope } from '@peerprep/contracts';
import { buildEnvelope } from './codec';
import { connectToBroker, isConnectionLoss } from './connection';
import { MessagingUnavailableError, UnroutableEventError } from './errors';
import type { IdempotencyStore } from './idempotency';
import { deadLetterQueueName, DEFAULT_EXCHANGE } from './naming';
import { Subscription, type EventHandler } from './subscription';

export interface MessagingOptions<C extends Record<string, EventDefinition> = EventCatalog> {
  /** amqp://user:pass@host:port */
  url: string;
  /** Names the connection in the broker and the publisher (AMQP app-id). */
  serviceName: string;
  /** The one durable topic exchange; default 'peerprep.events'. */
  exchange?: string;
  logger?: Logger;
  /** Event types and payload schemas; default the platform catalog from @peerprep/contracts. */
  catalog?: C;
  heartbeatIntervalInSeconds?: number;
  /** Wait between reconnect attempts; default 2. */
  reconnectTimeInSeconds?: number;
  /** How long close() waits for unconfirmed publishes and running handlers; default 10 000. */
  closeTimeoutMs?: number;
  /**
   * Types this service announces that nothing may consume yet (question.*,
   * attempt.saved). A publish is mandatory, so without a binding such an event
   * would be unroutable forever: kept in the outbox, retried and logged as an
   * error every minute. These types are bound to a bounded durable log queue,
   * `<serviceName>.announcements` (the newest `announcementLogLength`, default
   * 10 000, oldest dropped), where a future consumer or an operator finds them.
   * Every other type stays strictly mandatory.
   */
  announcements?: readonly (keyof C & string)[];
  announcementLogLength?: number;
}

export type PayloadOf<C extends Record<string, EventDefinition>, T extends keyof C> = z.infer<C[T]['payload']>;

export type EventHandlers<C extends Record<string, EventDefinition>> = Partial<{
  [T in keyof C & string]: (event: EventEnvelope<T, PayloadOf<C, T>>) => Promise<void>;
}>;

export interface SubscribeOptions<C extends Record<string, EventDefinition>> {
  /** The consuming service's durable queue, e.g. 'collaboration-service'. */
  queue: string;
  /** One handler per event type; the queue is bound to exactly these types. */
  handlers: EventHandlers<C>;
  /** Deliveries handled at once; default 10. */
  prefetch?: number;
  /** Retries after a handler failure before dead-lettering; default 5. */
  maxRetries?: number;
  /** Delay before each retry; default 1000. */
  retryDelayMs?: number;
  /** Skips events already handled (by event id, scoped to the queue). */
  idempotency?: IdempotencyStore;
}

export interface PublishOptions {
  /** Request id of the HTTP call that caused the event. */
  correlationId?: string;
  /** Event id (a uuid); give one to make a retried publish a duplicate consumers can skip. */
  id?: string;
}

export interface Messaging<C extends Record<string, EventDefinition> = EventCatalog> {
  /**
   * Validates the payload against the catalog (EventValidationError when it
   * does not fit; nothing is sent) and resolves only after the broker
   * confirmed the persistent message. While the broker is unreachable the
   * message is kept and sent after reconnecting.
   */
  publish<T extends keyof C & string>(
    type: T,
    payload: z.input<C[T]['payload']>,
    opts?: PublishOptions,
  ): Promise<EventEnvelope<T, PayloadOf<C, T>>>;
  /**
   * Publishes an envelope built earlier (by `buildEnvelope`, e.g. one an
   * outbox kept) as it is: same id, time and payload. Resolves after the
   * broker's confirm; rejects with UnroutableEventError when no queue is
   * bound to its type (the caller keeps it and tries again later).
   */
  publishEnvelope(envelope: EventEnvelope): Promise<void>;
  subscribe(opts: SubscribeOptions<C>): Promise<void>;
  /** How many events wait in `<queue>.dlq` (declared if missing, as subscribe does). */
  deadLetterCount(queue: string): Promise<number>;
  /** Readiness: rejects with MessagingUnavailableError while not connected to the broker. */
  check(): Promise<void>;
  /** Stops consumers, waits for pending confirms and running handlers (bounded), closes channels and connection. */
  close(): Promise<void>;
}

export function createMessaging<C extends Record<string, EventDefinition> = EventCatalog>(
  opts: MessagingOptions<C>,
): Messaging<C> {
  const catalog: Record<string, EventDefinition> = opts.catalog ?? eventCatalog;
  const exchange = opts.exchange ?? DEFAULT_EXCHANGE;
  const closeTimeoutMs = opts.closeTimeoutMs ?? 10_000;
  const logger = (opts.logger ?? pino({ name: opts.serviceName })).child({ component: 'messaging', exchange });

  const manager: AmqpConnectionManager = connectToBroker({ ...opts, logger });
  const announcements: readonly string[] = opts.announcements ?? [];
  const announcementLog = `${opts.serviceName}.announcements`;

  // Every publish is mandatory: the broker hands back (basic.return, always
  // before its confirm) a message no queue is bound to, instead of dropping it.
  const returned = new Set<string>();
  const publisher: ChannelWrapper = manager.createChannel({
    name: 'publisher',
    confirm: true,
    setup: async (channel: ConfirmChannel) => {
      channel.on('return', (message: { properties: { messageId?: string } }) => {
        if (message.properties.messageId) returned.add(message.properties.messageId);
      });
      await channel.assertExchange(exchange, 'topic', { durable: true });
      if (announcements.length > 0) {
        await channel.assertQueue(announcementLog, {
          durable: true,
          arguments: { 'x-max-length': opts.announcementLogLength ?? 10_000, 'x-overflow': 'drop-head' },
        });
        for (const type of announcements) await channel.bindQueue(announcementLog, exchange, type);
      }
    },
  });
  publisher.on('error', (err: Error) => logger.error({ err }, 'publisher channel setup failed'));

  const subscriptions: Subscription[] = [];
  const pendingPublishes = new Set<Promise<void>>();
  let consumersStopped = false;
  let closed = false;

  async function publishConfirmed(routingKey: string, content: Buffer, options: Options.Publish): Promise<void> {
    for (;;) {
      try {
        // Resolves on the broker's confirm; while disconnected the wrapper holds the message.
        await publisher.publish(exchange, routingKey, content, options);
        if (options.messageId !== undefined && returned.delete(options.messageId)) {
          throw new UnroutableEventError(routingKey, options.messageId, exchange);
        }
        return;
      } catch (error) {
        // A connection lost between send and confirm rejects the in-flight
        // message; send it again (consumers dedupe by event id).
        if (closed || !isConnectionLoss(error)) throw error;
        logger.warn({ err: error, messageId: options.messageId }, 'publish not confirmed before disconnect; resending');
      }
    }
  }

  async function sendEnvelope(envelope: EventEnvelope): Promise<void> {
    const options: Options.Publish = {
      persistent: true,
      mandatory: true,
      contentType: 'application/json',
      messageId: envelope.id,
      type: envelope.type,
      timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
      appId: opts.serviceName,
      ...(envelope.correlationId === undefined ? {} : { correlationId: envelope.correlationId }),
      headers: { 'x-event-version': envelope.version },
    };
    const task = publishConfirmed(envelope.type, Buffer.from(JSON.stringify(envelope)), options);
    pendingPublishes.add(task);
    try {
      await task;
    } finally {
      pendingPublishes.delete(task);
    }
  }

  return {
    async publish(type, payload, publishOpts = {}) {
      if (consumersStopped) throw new Error('Messaging is closed');
      const envelope = buildEnvelope(catalog, type, payload, publishOpts);
      await sendEnvelope(envelope);
      return envelope as EventEnvelope<typeof type, PayloadOf<C, typeof type>>;
    },

    async publishEnvelope(envelope) {
      if (consumersStopped) throw new Error('Messaging is closed');
      await sendEnvelope(envelope);
    },

    async subscribe(subscribeOpts) {
      if (consumersStopped) throw new Error('Messaging is closed');
      const subscription = new Subscription(manager, {
        queue: subscribeOpts.queue,
        exchange,
        catalog,
        handlers: subscribeOpts.handlers as Record<string, EventHandler | undefined>,
        prefetch: subscribeOpts.prefetch ?? 10,
        maxRetries: subscribeOpts.maxRetries ?? 5,
        retryDelayMs: subscribeOpts.retryDelayMs ?? 1_000,
        idempotency: subscribeOpts.idempotency,
        drainTimeoutMs: closeTimeoutMs,
        logger,
      });
      await subscription.start();
      subscriptions.push(subscription);
    },

    async deadLetterCount(queue) {
      if (!manager.isConnected()) throw new MessagingUnavailableError();
      const { messageCount } = await publisher.assertQueue(deadLetterQueueName(queue), { durable: true });
      return messageCount;
    },

    async check() {
      if (closed || !manager.isConnected()) throw new MessagingUnavailableError();
    },

    async close() {
      if (consumersStopped) return;
      // Handlers still running may publish, so consumers stop first.
      consumersStopped = true;
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...pendingPublishes]),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, closeTimeoutMs))),
      ]);
      clearTimeout(timer);
      closed = true;
      // Publishes still unconfirmed now reject with "Channel closed".
      await publisher.close().catch(() => undefined);
      await manager.close();
      logger.info('messaging closed');
    },
  };
}
