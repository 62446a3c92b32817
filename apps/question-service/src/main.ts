import { createMessaging } from '@peerprep/messaging';
import { createLogger, loadConfigOrExit, runService } from '@peerprep/service-kit';
import { questionServiceEnvSchema } from '@peerprep/question-service-config';
import { createApp } from './app';
import { createPrismaClient } from './db/prisma';

const config = loadConfigOrExit('question-service', questionServiceEnvSchema);
const logger = createLogger({ name: 'question-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
const prisma = createPrismaClient(config.DATABASE_URL);
const messaging = createMessaging({
  url: config.AMQP_URL,
  serviceName: 'question-service',
  logger,
  // Nothing consumes question changes yet: kept in a bounded log rather than unroutable.
  announcements: ['question.created', 'question.updated', 'question.deleted'],
});

void runService(createApp({ config, prisma, messaging, logger }));
