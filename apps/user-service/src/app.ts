import { messagingDependency, type Messaging } from '@peerprep/messaging';
import { createService, redisDependency, sqlDependency, type Logger, type Service } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import type { UserConfig } from './config';
import type { PrismaClient } from './db/prisma';

export interface UserServiceDeps {
  config: UserConfig;
  prisma: PrismaClient;
  redis: Redis;
  messaging: Messaging;
  logger?: Logger;
}

/**
 * Accounts: users, credentials, roles and refresh tokens in its own Postgres database; rate-limit counters in Redis; publishes user events. The account routes arrive with the accounts issue.
 */
export function createUserService({ config, prisma, redis, messaging, logger }: UserServiceDeps): Service {
  return createService({
    name: 'user-service',
    config,
    logger,
    dependencies: [sqlDependency(prisma), redisDependency(redis), messagingDependency(messaging)],
  });
}
