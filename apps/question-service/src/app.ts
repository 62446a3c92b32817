import { tokenVerifierFromConfig, type TokenVerifier } from '@peerprep/auth';
import { messagingDependency, type Messaging } from '@peerprep/messaging';
import { createService, sqlDependency, type Logger, type Service } from '@peerprep/service-kit';
import type { QuestionConfig } from '@peerprep/question-service-config';
import type { PrismaClient } from './db/prisma';
import { pickRoutes } from './questions/pick.routes';
import { createQuestionEvents } from './questions/question-events';
import { createQuestionQueries } from './questions/questions.queries';
import { createQuestionsRepository } from './questions/questions.repository';
import { questionsRoutes } from './questions/questions.routes';
import { createQuestionsService, type QuestionsService } from './questions/questions.service';

export interface AppDeps {
  config: QuestionConfig;
  prisma: PrismaClient;
  messaging: Messaging;
  /** main.ts makes it first: the connections it opens before the app log through it too. */
  logger: Logger;
  /** Defaults to the one the config describes (AUTH_PUBLIC_KEY, else AUTH_JWKS_URL). */
  verifier?: TokenVerifier;
}

/** The domain side of the service, without HTTP: also what the seed command writes through. */
export function createQuestionBank({
  prisma,
  messaging,
  logger,
}: {
  prisma: PrismaClient;
  messaging: Pick<Messaging, 'publish'>;
  logger: Logger;
}): QuestionsService {
  return createQuestionsService({
    repository: createQuestionsRepository(prisma),
    queries: createQuestionQueries(prisma),
    events: createQuestionEvents(messaging, logger),
  });
}

/**
 * The question bank: questions, topics and test cases in its own Postgres
 * database; browse and admin routes under /api, the picker under /internal;
 * publishes question events.
 */
export function createApp({ config, prisma, messaging, logger, verifier }: AppDeps): Service {
  const questions = createQuestionBank({ prisma, messaging, logger });
  const internalToken = config.INTERNAL_API_TOKEN;
  const tokenVerifier = verifier ?? tokenVerifierFromConfig(config);
  return createService({
    name: 'question-service',
    config,
    logger,
    dependencies: [sqlDependency(prisma), messagingDependency(messaging)],
    routes: (app) => {
      app.use(questionsRoutes({ questions, verifier: tokenVerifier, internalToken }));
      app.use(pickRoutes({ questions, internalToken }));
    },
  });
}
