import path from 'node:path';
import { createMessaging } from '@peerprep/messaging';
import { loadConfig } from '@peerprep/service-kit';
import { describeServiceApp } from '@peerprep/testing';
import { collaborationEnvSchema } from '@peerprep/collaboration-service-config';
import { createApp } from './app';
import { createPrismaClient } from './db/prisma';

describeServiceApp(
  'collaboration-service app (real Postgres, Redis and RabbitMQ)',
  {
    serviceName: 'collaboration-service',
    infrastructure: { label: 'collaboration_app', migrationsDir: path.join(__dirname, '../prisma/migrations'), redis: true, rabbit: true },
    dependencies: ['postgres', 'redis', 'rabbitmq', 'execution-queue'],
    async start({ env, logger, database, redis, messagingOptions }) {
      const messaging = createMessaging(messagingOptions);
      const config = loadConfig(collaborationEnvSchema, env);
      return { messaging, service: createApp({ config, prisma: createPrismaClient(database.url), redis: redis.redis, messaging, logger }) };
    },
  },
  (app) => {
    it('exports its live rooms, connections and dropped writes as metrics', async () => {
      const metrics = await (await fetch(`${app().running.url}/metrics`)).text();
      for (const name of ['collab_live_rooms', 'collab_connections', 'collab_dropped_writes_total']) {
        expect(metrics).toMatch(new RegExp(`^${name}\\{service="collaboration-service"\\} 0$`, 'm'));
      }
    });
  },
);
