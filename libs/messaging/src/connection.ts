import amqp, { type AmqpConnectionManager } from 'amqp-connection-manager';
import type { Logger } from 'pino';

/**
 * One reconnecting connection to RabbitMQ, named after the service in the
 * broker, its state changes logged (the URL without its credentials). Shared
 * by createMessaging and createWorkQueue.
 */
export function connectToBroker(opts: {
  url: string;
  serviceName: string;
  logger: Logger;
  heartbeatIntervalInSeconds?: number;
  reconnectTimeInSeconds?: number;
}): AmqpConnectionManager {
  const { logger } = opts;
  const manager = amqp.connect([opts.url], {
    heartbeatIntervalInSeconds: opts.heartbeatIntervalInSeconds ?? 5,
    reconnectTimeInSeconds: opts.reconnectTimeInSeconds ?? 2,
    connectionOptions: { clientProperties: { connection_name: opts.serviceName } },
  });
  manager.on('connect', () => logger.info({ url: opts.url.replace(/\/\/[^@/]*@/, '//***@') }, 'connected to RabbitMQ'));
  manager.on('disconnect', ({ err }) => logger.warn({ err }, 'disconnected from RabbitMQ; reconnecting'));
  manager.on('connectFailed', ({ err }) => logger.warn({ err }, 'cannot reach RabbitMQ; retrying'));
  return manager;
}

/** amqplib's error when the channel or connection went away under a publish. */
export function isConnectionLoss(error: unknown): boolean {
  return error instanceof Error && /channel closed|connection closed|channel ended/i.test(error.message);
}
