import { messagingDependency, type Messaging } from '@peerprep/messaging';
import { createService, redisDependency, type Logger, type Service } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import type { MatchingConfig } from './config';

export interface MatchingServiceDeps {
  config: MatchingConfig;
  redis: Redis;
  messaging: Messaging;
  logger?: Logger;
}

/**
 * The matchmaking service: its queue lives in Redis and its outcomes travel as
 * events over RabbitMQ. The matching routes arrive with the matching issue.
 */
export function createMatchingService({ config, redis, messaging, logger }: MatchingServiceDeps): Service {
  return createService({
    name: 'matching-service',
    config,
    logger,
    dependencies: [redisDependency(redis), messagingDependency(messaging)],
  });
}
