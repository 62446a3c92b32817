import { createMessaging } from '@peerprep/messaging';
import { createLogger, createRedisClient, loadConfigOrExit, runService } from '@peerprep/service-kit';
import { createUserService } from './app';
import { userEnvSchema } from './config';
import { createPrismaClient } from './db/prisma';

const config = loadConfigOrExit('user-service', userEnvSchema);
const logger = createLogger({ name: 'user-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
const prisma = createPrismaClient(config.DATABASE_URL);
const redis = createRedisClient(config.REDIS_URL, logger);
const messaging = createMessaging({ url: config.AMQP_URL, serviceName: 'user-service', logger });

void runService(createUserService({ config, prisma, redis, messaging, logger }));
