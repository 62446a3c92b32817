import { createMessaging } from '@peerprep/messaging';
import { createLogger, createRedisClient, loadConfigOrExit, runService } from '@peerprep/service-kit';
import { createCollaborationService } from './app';
import { collaborationEnvSchema } from './config';
import { createPrismaClient } from './db/prisma';

const config = loadConfigOrExit('collaboration-service', collaborationEnvSchema);
const logger = createLogger({ name: 'collaboration-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
const prisma = createPrismaClient(config.DATABASE_URL);
const redis = createRedisClient(config.REDIS_URL, logger);
const messaging = createMessaging({ url: config.AMQP_URL, serviceName: 'collaboration-service', logger });

void runService(createCollaborationService({ config, prisma, redis, messaging, logger }));
