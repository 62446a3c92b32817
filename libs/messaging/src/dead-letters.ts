import amqplib from 'amqplib';
import client from 'prom-client';
import type { Messaging } from './messaging';
import { deadLetterQueueName, MESSAGE_HEADERS } from './naming';

/**
 * `events_dead_lettered{queue}` on the service's /metrics: how many events
 * wait in each of its consumer queues' `<queue>.dlq`, read from the broker at
 * scrape time (absent while the broker is unreachable).
 */
export function registerDeadLetterMetrics(
  registry: client.Registry,
  messaging: Pick<Messaging, 'deadLetterCount'>,
  queues: string[],
): void {
  new client.Gauge({
    name: 'events_dead_lettered',
    help: 'Events waiting in the dead-letter queue of a consumer queue (replay: npm run events:replay -- --queue <queue>)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of queues) {
        const count = await messaging.deadLetterCount(queue).catch(() => null);
        if (count !== null) this.set({ queue }, count);
      }
    },
  });
}

export interface ReplayOptions {
  url: string;
  /** The consumer queue whose `<queue>.dlq` is emptied back into it. */
  queue: string;
  /** At most this many; default all that are there when the replay starts. */
  limit?: number;
}

const DEAD_LETTER_HEADERS: string[] = [
  MESSAGE_HEADERS.deadLetterReason,
  MESSAGE_HEADERS.deadLetteredAt,
  MESSAGE_HEADERS.deadLetterQueue,
  MESSAGE_HEADERS.retryCount,
  MESSAGE_HEADERS.lastError,
];

/**
 * Moves dead-lettered events back to the consumer queue they gave up on, with
 * a fresh retry count, each acked off `<queue>.dlq` only after the broker
 * confirmed its copy on `<queue>` (a crash in between duplicates, which the
 * idempotent consumer skips, rather than loses). Only that queue gets them
 * again, not every service bound to the event type. Returns how many moved.
 */
export async function replayDeadLetters(opts: ReplayOptions): Promise<number> {
  const deadLetterQueue = deadLetterQueueName(opts.queue);
  const connection = await amqplib.connect(opts.url, { clientProperties: { connection_name: 'events-replay' } });
  // A missing queue closes the channel; the rejected call says so, the events must not crash the process.
  connection.on('error', () => undefined);
  try {
    const channel = await connection.createConfirmChannel();
    channel.on('error', () => undefined);
    const { messageCount } = await channel.checkQueue(deadLetterQueue);
    await channel.checkQueue(opts.queue);
    const limit = Math.min(opts.limit ?? messageCount, messageCount);
    let moved = 0;
    while (moved < limit) {
      const message = await channel.get(deadLetterQueue, { noAck: false });
      if (message === false) break;
      const headers: Record<string, unknown> = { ...(message.properties.headers ?? {}) };
      for (const name of DEAD_LETTER_HEADERS) delete headers[name];
      headers['x-replayed-at'] = new Date().toISOString();
      await new Promise<void>((resolve, reject) =>
        channel.sendToQueue(
          opts.queue,
          message.content,
          {
            persistent: true,
            contentType: message.properties.contentType,
            messageId: message.properties.messageId,
            correlationId: message.properties.correlationId,
            timestamp: message.properties.timestamp,
            type: message.properties.type,
            appId: message.properties.appId,
            headers,
          },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
      channel.ack(message);
      moved += 1;
    }
    await channel.close();
    return moved;
  } finally {
    await connection.close().catch(() => undefined);
  }
}
