import { createMessaging } from '@peerprep/messaging';
import { createLogger, createRedisClient, loadConfigOrExit, runService } from '@peerprep/service-kit';
import { createMatchingService } from './app';
import { matchingEnvSchema } from './config';

const config = loadConfigOrExit('matching-service', matchingEnvSchema);
const logger = createLogger({ name: 'matching-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
const redis = createRedisClient(config.REDIS_URL, logger);
const messaging = createMessaging({ url: config.AMQP_URL, serviceName: 'matching-service', logger });

void runService(createMatchingService({ config, redis, messaging, logger }));
