import { messagingDependency, type Messaging } from '@peerprep/messaging';
import { createService, redisDependency, sqlDependency, type Logger, type Service } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import type { CollaborationConfig } from './config';
import type { PrismaClient } from './db/prisma';

export interface CollaborationServiceDeps {
  config: CollaborationConfig;
  prisma: PrismaClient;
  redis: Redis;
  messaging: Messaging;
  logger?: Logger;
}

/**
 * Rooms, Yjs documents, chat and attempt history in its own Postgres database; Redis fans updates out between replicas; consumes match events. The room routes arrive with the collaboration issue.
 */
export function createCollaborationService({ config, prisma, redis, messaging, logger }: CollaborationServiceDeps): Service {
  return createService({
    name: 'collaboration-service',
    config,
    logger,
    dependencies: [sqlDependency(prisma), redisDependency(redis), messagingDependency(messaging)],
  });
}
