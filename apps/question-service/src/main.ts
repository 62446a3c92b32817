import { createMessaging } from '@peerprep/messaging';
import { createLogger, loadConfigOrExit, runService } from '@peerprep/service-kit';
import { createQuestionService } from './app';
import { DEV_INTERNAL_API_TOKEN, questionEnvSchema } from './config';
import { createPrismaClient } from './db/prisma';

const config = loadConfigOrExit('question-service', questionEnvSchema);
const logger = createLogger({ name: 'question-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
if (config.NODE_ENV === 'production' && config.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) {
  logger.warn('INTERNAL_API_TOKEN is the development default: set a secret shared with collaboration-service');
}
const prisma = createPrismaClient(config.DATABASE_URL);
const messaging = createMessaging({ url: config.AMQP_URL, serviceName: 'question-service', logger });

void runService(createQuestionService({ config, prisma, messaging, logger }));
