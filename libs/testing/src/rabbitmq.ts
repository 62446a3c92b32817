import amqplib from 'amqplib';
import { uniqueTestId } from './ids';

export interface TestRabbit {
  url: string;
  /** A topic exchange name used by this test file only. */
  exchange: string;
  /** A queue name unique to this test file; remembered for cleanup. */
  queueName(base: string): string;
  /** Deletes the exchange and every queue made through queueName(), with their retry and dead-letter queues. */
  cleanup(): Promise<void>;
}

export const DEFAULT_TEST_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

/**
 * Companion queues the messaging library declares next to a consumer queue
 * (`@peerprep/messaging` retryQueueName / deadLetterQueueName) or a work
 * queue (deadJobQueueName). Spelled out
 * here rather than imported so the testing lib does not depend on the lib it
 * tests; the messaging suite checks that cleanup leaves none behind.
 */
const COMPANION_QUEUE_SUFFIXES = ['', '.retry', '.dlq', '.dead'];

/** RabbitMQ exchange and queue names isolated per test file, removed afterwards. */
export async function createTestRabbit(label = 'rabbit'): Promise<TestRabbit> {
  const url = process.env['AMQP_URL'] ?? DEFAULT_TEST_AMQP_URL;
  const id = uniqueTestId(label);
  const exchange = `test.${id}`;
  const queues = new Set<string>();

  return {
    url,
    exchange,
    queueName(base: string) {
      const name = `test.${id}.${base}`;
      queues.add(name);
      return name;
    },
    async cleanup() {
      const connection = await amqplib.connect(url);
      try {
        for (const queue of queues) {
          for (const suffix of COMPANION_QUEUE_SUFFIXES) {
            await onFreshChannel(connection, (channel) => channel.deleteQueue(`${queue}${suffix}`));
          }
        }
        await onFreshChannel(connection, (channel) => channel.deleteExchange(exchange));
      } finally {
        await connection.close();
      }
    },
  };
}

/**
 * A failed operation closes its AMQP channel, so each deletion gets its own:
 * one missing queue must not stop the rest of the cleanup.
 */
async function onFreshChannel(
  connection: amqplib.ChannelModel,
  operation: (channel: amqplib.Channel) => Promise<unknown>,
): Promise<void> {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  try {
    await operation(channel);
  } catch {
    // Already gone: nothing to clean.
    return;
  }
  await channel.close().catch(() => undefined);
}
