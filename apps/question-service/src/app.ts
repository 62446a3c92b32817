import { messagingDependency, type Messaging } from '@peerprep/messaging';
import { createService, sqlDependency, type Logger, type Service } from '@peerprep/service-kit';
import type { QuestionConfig } from './config';
import type { PrismaClient } from './db/prisma';

export interface QuestionServiceDeps {
  config: QuestionConfig;
  prisma: PrismaClient;
  messaging: Messaging;
  logger?: Logger;
}

/**
 * The question bank: questions, topics and test cases in its own Postgres database; publishes question events. The question routes arrive with the question-bank issue.
 */
export function createQuestionService({ config, prisma, messaging, logger }: QuestionServiceDeps): Service {
  return createService({
    name: 'question-service',
    config,
    logger,
    dependencies: [sqlDependency(prisma), messagingDependency(messaging)],
  });
}
