/**
 * Names the messaging library gives to what it declares on the broker. Ops
 * docs and tests use them to find a consumer's retry and dead-letter queues.
 */
export const DEFAULT_EXCHANGE = 'peerprep.events';

/** Holds failed deliveries for the retry delay, then dead-letters them back to `queue`. */
export function retryQueueName(queue: string): string {
  return `${queue}.retry`;
}

/** Where deliveries end after the last retry, or at once when they are invalid. */
export function deadLetterQueueName(queue: string): string {
  return `${queue}.dlq`;
}

/** Every queue one subscription owns, main queue first. */
export function subscriptionQueueNames(queue: string): string[] {
  return [queue, retryQueueName(queue), deadLetterQueueName(queue)];
}

/** AMQP headers the library sets on retried and dead-lettered messages. */
export const MESSAGE_HEADERS = {
  /** How many times the delivery was retried after a handler failure. */
  retryCount: 'x-retry-count',
  /** Why the handler failed last time (on retries). */
  lastError: 'x-last-error',
  /** Why the message was dead-lettered. */
  deadLetterReason: 'x-dead-letter-reason',
  /** ISO time it was dead-lettered. */
  deadLetteredAt: 'x-dead-lettered-at',
  /** The consumer queue that gave up on it. */
  deadLetterQueue: 'x-dead-letter-source-queue',
  /** The routing key (event type) it was first published with. */
  originalRoutingKey: 'x-original-routing-key',
} as const;
