import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { Logger } from 'pino';
import type { EventEnvelope } from '@peerprep/contracts';
import { decodeEnvelope, type Catalog } from './codec';
import type { IdempotencyStore } from './idempotency';
import { deadLetterQueueName, MESSAGE_HEADERS, retryQueueName } from './naming';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface SubscriptionConfig {
  queue: string;
  exchange: string;
  catalog: Catalog;
  handlers: Record<string, EventHandler | undefined>;
  prefetch: number;
  maxRetries: number;
  retryDelayMs: number;
  idempotency?: IdempotencyStore;
  /** How long close() lets running handlers finish before closing the channel anyway. */
  drainTimeoutMs: number;
  logger: Logger;
}

const MAX_HEADER_TEXT = 1_000;

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_HEADER_TEXT ? `${text.slice(0, MAX_HEADER_TEXT)}…` : text;
}

/** Headers RabbitMQ adds when it dead-letters; the broker owns them, so copies do not carry them. */
function ownHeaders(message: ConsumeMessage): Record<string, unknown> {
  const headers: Record<string, unknown> = { ...(message.properties.headers ?? {}) };
  for (const name of Object.keys(headers)) {
    if (/^x-(death|first-death|last-death)/.test(name)) delete headers[name];
  }
  return headers;
}

function retryCountOf(message: ConsumeMessage): number {
  const value = Number(message.properties.headers?.[MESSAGE_HEADERS.retryCount] ?? 0);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

/**
 * One consuming queue: its topology (main, retry and dead-letter queues and
 * the bindings), and what happens to every delivery. Runs on a raw confirm
 * channel handed over by amqp-connection-manager's setup hook, so each ack
 * goes to the channel that delivered the message; after a reconnect the setup
 * runs again and consuming resumes on the new channel.
 */
export class Subscription {
  private wrapper?: ChannelWrapper;
  private closing = false;
  private readonly consumers = new Map<ConfirmChannel, string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly retryQueue: string;
  private readonly deadLetterQueue: string;
  private readonly logger: Logger;

  constructor(
    private readonly manager: AmqpConnectionManager,
    private readonly config: SubscriptionConfig,
  ) {
    this.retryQueue = retryQueueName(config.queue);
    this.deadLetterQueue = deadLetterQueueName(config.queue);
    this.logger = config.logger.child({ queue: config.queue });
  }

  /**
   * Resolves once the queue is declared, bound and consumed; or at once when
   * the broker is unreachable (the setup then runs on connect). Rejects when
   * the broker refuses the topology.
   */
  async start(): Promise<void> {
    let firstSetup!: { resolve: () => void; reject: (error: Error) => void };
    const ready = new Promise<void>((resolve, reject) => (firstSetup = { resolve, reject }));
    const wrapper = this.manager.createChannel({
      name: `consumer:${this.config.queue}`,
      confirm: true,
      setup: async (channel: ConfirmChannel) => {
        await this.setup(channel);
        firstSetup.resolve();
      },
    });
    this.wrapper = wrapper;
    const onSetupError = (error: Error) => firstSetup.reject(error);
    wrapper.on('error', onSetupError);
    wrapper.on('error', (error: Error) => this.logger.error({ err: error }, 'consumer channel setup failed'));

    // While the first connection attempt is under way, wait for it: a caller
    // that publishes right after subscribe() must find the queue bound. If the
    // broker is unreachable, return and let the setup run on connect.
    let onConnectFailed: (() => void) | undefined;
    const unreachable = new Promise<void>((resolve) => {
      onConnectFailed = () => resolve();
      if (!this.manager.isConnected()) this.manager.once('connectFailed', onConnectFailed);
    });
    try {
      await Promise.race([ready, unreachable]);
    } catch (error) {
      await wrapper.close().catch(() => undefined);
      throw error;
    } finally {
      wrapper.off('error', onSetupError);
      if (onConnectFailed) this.manager.removeListener('connectFailed', onConnectFailed);
    }
  }

  private async setup(channel: ConfirmChannel): Promise<void> {
    const { queue, exchange, handlers } = this.config;
    await channel.assertExchange(exchange, 'topic', { durable: true });
    await channel.assertQueue(this.deadLetterQueue, { durable: true });
    // Failed deliveries wait here for their TTL, then RabbitMQ dead-letters
    // them through the default exchange straight back to this consumer's
    // queue only (other services' queues never see the retry).
    await channel.assertQueue(this.retryQueue, {
      durable: true,
      arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue },
    });
    // Anything rejected without requeue lands in the DLQ rather than vanishing.
    await channel.assertQueue(queue, {
      durable: true,
      arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': this.deadLetterQueue },
    });
    for (const type of Object.keys(handlers)) {
      if (handlers[type]) await channel.bindQueue(queue, exchange, type);
    }
    await channel.prefetch(this.config.prefetch);
    if (this.closing) return;
    const { consumerTag } = await channel.consume(queue, (message) => this.onDelivery(channel, message), {
      noAck: false,
    });
    this.consumers.set(channel, consumerTag);
    channel.once('close', () => this.consumers.delete(channel));
    this.logger.info('consuming');
  }

  private onDelivery(channel: ConfirmChannel, message: ConsumeMessage | null): void {
    if (message === null) {
      // The broker cancelled us (the queue was deleted); the next reconnect re-declares it.
      this.logger.error('consumer cancelled by the broker');
      return;
    }
    const task = this.process(channel, message)
      .catch((error) => this.logger.error({ err: error }, 'delivery processing failed; the broker will redeliver it'))
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  private async process(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const decoded = decodeEnvelope(this.config.catalog, message.content);
    if (!decoded.ok) return this.deadLetter(channel, message, decoded.reason);
    const event = decoded.event;
    const handler = this.config.handlers[event.type];
    if (!handler) return this.deadLetter(channel, message, `No handler for "${event.type}" on "${this.config.queue}"`);

    const store = this.config.idempotency;
    const key = `${this.config.queue}:${event.id}`;
    if (store) {
      let state: 'claimed' | 'done' | 'busy';
      try {
        state = (await store.claim(key)) ? 'claimed' : (await (store.isCompleted?.(key) ?? true)) ? 'done' : 'busy';
      } catch (error) {
        this.logger.error({ err: error, eventId: event.id }, 'idempotency store unavailable; retrying later');
        return this.retryLater(channel, message, { countsAsFailure: false, reason: errorText(error) });
      }
      if (state === 'done') {
        this.logger.debug({ eventId: event.id, type: event.type }, 'duplicate event skipped');
        return this.ack(channel, message);
      }
      if (state === 'busy') {
        // Another consumer holds the claim. If it dies its claim expires and
        // this copy is handled then; if it finishes, this copy is skipped.
        return this.retryLater(channel, message, { countsAsFailure: false, reason: 'being handled elsewhere' });
      }
    }

    try {
      await handler(event);
    } catch (error) {
      if (store) await store.release(key).catch((err) => this.logger.error({ err }, 'idempotency release failed'));
      this.logger.warn({ err: error, eventId: event.id, type: event.type }, 'event handler failed');
      return this.retryOrDeadLetter(channel, message, error);
    }
    if (store) {
      // The work is done: acking anyway is better than redoing it; a
      // redelivery meets the claim until it expires.
      await store.complete(key).catch((err) => this.logger.error({ err }, 'idempotency complete failed'));
    }
    this.ack(channel, message);
  }

  private async retryOrDeadLetter(channel: ConfirmChannel, message: ConsumeMessage, error: unknown): Promise<void> {
    const retries = retryCountOf(message);
    if (retries >= this.config.maxRetries) {
      return this.deadLetter(channel, message, `Handler failed after ${retries} retries: ${errorText(error)}`);
    }
    return this.retryLater(channel, message, { countsAsFailure: true, reason: errorText(error) });
  }

  private async retryLater(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    { countsAsFailure, reason }: { countsAsFailure: boolean; reason: string },
  ): Promise<void> {
    const retries = retryCountOf(message);
    await this.forward(channel, message, this.retryQueue, {
      headers: {
        [MESSAGE_HEADERS.retryCount]: countsAsFailure ? retries + 1 : retries,
        [MESSAGE_HEADERS.lastError]: reason,
      },
      expiration: String(this.config.retryDelayMs),
    });
  }

  private async deadLetter(channel: ConfirmChannel, message: ConsumeMessage, reason: string): Promise<void> {
    this.logger.warn({ reason, messageId: message.properties.messageId }, 'message dead-lettered');
    await this.forward(channel, message, this.deadLetterQueue, {
      headers: {
        [MESSAGE_HEADERS.deadLetterReason]: reason,
        [MESSAGE_HEADERS.deadLetteredAt]: new Date().toISOString(),
        [MESSAGE_HEADERS.deadLetterQueue]: this.config.queue,
      },
    });
  }

  /**
   * Copies the delivery to another queue and acks the original only after the
   * broker confirmed the copy, so a crash in between duplicates (harmless,
   * handlers are idempotent) rather than loses.
   */
  private async forward(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    queue: string,
    extra: { headers: Record<string, unknown>; expiration?: string },
  ): Promise<void> {
    const { properties, fields } = message;
    const headers = ownHeaders(message);
    headers[MESSAGE_HEADERS.originalRoutingKey] ??= fields.routingKey;
    const options: Options.Publish = {
      persistent: true,
      contentType: properties.contentType,
      contentEncoding: properties.contentEncoding,
      messageId: properties.messageId,
      correlationId: properties.correlationId,
      timestamp: properties.timestamp,
      type: properties.type,
      appId: properties.appId,
      headers: { ...headers, ...extra.headers },
      ...(extra.expiration === undefined ? {} : { expiration: extra.expiration }),
    };
    try {
      await new Promise<void>((resolve, reject) => {
        channel.sendToQueue(queue, message.content, options, (error) => (error ? reject(error) : resolve()));
      });
    } catch (error) {
      // Channel gone: the unacked original comes back by itself. Broker nack:
      // hand the original back for another try.
      this.logger.error({ err: error, queue }, 'could not forward message');
      this.nack(channel, message);
      return;
    }
    this.ack(channel, message);
  }

  private ack(channel: ConfirmChannel, message: ConsumeMessage): void {
    try {
      channel.ack(message);
    } catch {
      // The channel that delivered it is closed; the broker redelivers it.
      this.logger.debug({ messageId: message.properties.messageId }, 'ack after the channel closed');
    }
  }

  private nack(channel: ConfirmChannel, message: ConsumeMessage): void {
    try {
      channel.nack(message, false, true);
    } catch {
      // Channel closed: the broker already requeued it.
    }
  }

  /** Stops taking deliveries, lets running handlers finish (bounded), closes the channel. */
  async close(): Promise<void> {
    this.closing = true;
    for (const [channel, consumerTag] of this.consumers) {
      await channel.cancel(consumerTag).catch(() => undefined);
    }
    let timer: NodeJS.Timeout | undefined;
    const drained = Promise.allSettled([...this.inFlight]);
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.config.drainTimeoutMs)));
    await Promise.race([drained, timeout]);
    clearTimeout(timer);
    await this.wrapper?.close().catch(() => undefined);
  }
}
