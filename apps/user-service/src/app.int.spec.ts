import path from 'node:path';
import { createMessaging } from '@peerprep/messaging';
import { loadConfig } from '@peerprep/service-kit';
import { describeServiceApp } from '@peerprep/testing';
import { userEnvSchema } from '@peerprep/user-service-config';
import { createApp } from './app';
import { generateSigningKey } from './auth/signing-key';
import { createPrismaClient } from './db/prisma';

describeServiceApp('user-service app (real Postgres, Redis and RabbitMQ)', {
  serviceName: 'user-service',
  infrastructure: { label: 'user_app', migrationsDir: path.join(__dirname, '../prisma/migrations'), redis: true, rabbit: true },
  dependencies: ['postgres', 'redis', 'rabbitmq'],
  async start({ env, logger, database, redis, messagingOptions }) {
    const messaging = createMessaging(messagingOptions);
    const signingKey = await generateSigningKey();
    const config = loadConfig(userEnvSchema, env);
    return { messaging, service: createApp({ config, prisma: createPrismaClient(database.url), redis: redis.redis, messaging, logger, signingKey }) };
  },
});
