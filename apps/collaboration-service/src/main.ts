import { createMessaging } from '@peerprep/messaging';
import { createLogger, createRedisClient, loadConfigOrExit, runService } from '@peerprep/service-kit';
import { collaborationServiceEnvSchema } from '@peerprep/collaboration-service-config';
import { createApp } from './app';
import { createPrismaClient } from './db/prisma';

const config = loadConfigOrExit('collaboration-service', collaborationServiceEnvSchema);
const logger = createLogger({ name: 'collaboration-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
const prisma = createPrismaClient(config.DATABASE_URL);
const redis = createRedisClient(config.REDIS_URL, logger);
const messaging = createMessaging({
  url: config.AMQP_URL,
  serviceName: 'collaboration-service',
  exchange: config.EVENTS_EXCHANGE,
  logger,
  // Nothing consumes attempts yet: kept in a bounded log rather than unroutable.
  announcements: ['attempt.saved'],
});

void runService(createApp({ config, prisma, redis, messaging, logger }));
