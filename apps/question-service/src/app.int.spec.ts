import path from 'node:path';
import { createMessaging } from '@peerprep/messaging';
import { loadConfig } from '@peerprep/service-kit';
import { describeServiceApp } from '@peerprep/testing';
import { questionEnvSchema } from '@peerprep/question-service-config';
import { createApp } from './app';
import { createPrismaClient } from './db/prisma';

describeServiceApp('question-service app (real Postgres and RabbitMQ)', {
  serviceName: 'question-service',
  infrastructure: { label: 'question_app', migrationsDir: path.join(__dirname, '../prisma/migrations'), rabbit: true },
  dependencies: ['postgres', 'rabbitmq'],
  async start({ env, logger, database, messagingOptions }) {
    const messaging = createMessaging(messagingOptions);
    return { messaging, service: createApp({ config: loadConfig(questionEnvSchema, env), prisma: createPrismaClient(database.url), messaging, logger }) };
  },
});
