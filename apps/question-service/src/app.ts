import { tokenVerifierFromConfig, type TokenVerifier } from '@peerprep/auth';
import { createPrismaOutboxRelay, messagingDependency, type Messaging, type OutboxRelay } from '@peerprep/messaging';
import { createMetrics, createService, sqlDependency, type Logger, type Service } from '@peerprep/service-kit';
import type { QuestionConfig } from '@peerprep/question-service-config';
import type { PrismaClient } from './db/prisma';
import { interviewerMaterialRoutes } from './questions/interviewer-material.routes';
import { pickRoutes } from './questions/pick.routes';
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

/**
 * The domain side of the service, without HTTP: also what the seed command
 * writes through. Each change commits its event to the outbox; whichever
 * outbox relay runs (the service's) publishes it, `outbox` only hurries it.
 */
export function createQuestionBank({ prisma, outbox }: { prisma: PrismaClient; outbox?: Pick<OutboxRelay, 'wake'> }): QuestionsService {
  return createQuestionsService({
    repository: createQuestionsRepository(prisma),
    queries: createQuestionQueries(prisma),
    outbox,
  });
}

/**
 * The question bank: questions, topics and test cases in its own Postgres
 * database; browse and admin routes under /api, the picker and the
 * interviewer's material under /internal;
 * publishes question events.
 */
export function createApp({ config, prisma, messaging, logger, verifier }: AppDeps): Service {
  const metrics = createMetrics('question-service');
  // Publishes the question events committed with the changes, with confirms.
  const outbox = createPrismaOutboxRelay({ name: 'question-service', prisma, messaging, logger, registry: metrics.registry });
  const questions = createQuestionBank({ prisma, outbox });
  const internalToken = config.INTERNAL_API_TOKEN;
  const tokenVerifier = verifier ?? tokenVerifierFromConfig(config);
  const service = createService({
    name: 'question-service',
    config,
    logger,
    metrics,
    onShutdown: () => outbox.close(),
    dependencies: [sqlDependency(prisma), messagingDependency(messaging)],
    routes: (app) => {
      app.use(questionsRoutes({ questions, verifier: tokenVerifier, internalToken }));
      app.use(pickRoutes({ questions, internalToken }));
      app.use(interviewerMaterialRoutes({ questions, internalToken }));
    },
  });
  return {
    ...service,
    start() {
      outbox.start();
      return service.start();
    },
  };
}
