import path from 'node:path';
import { createMessaging, type Messaging } from '@peerprep/messaging';
import { createRevocationList } from '@peerprep/auth';
import { loadConfig } from '@peerprep/service-kit';
import { createServiceTestbed, startTestService, type RunningTestService, type ServiceTestbed } from '@peerprep/testing';
import { userEnvSchema, type UserConfig } from '@peerprep/user-service-config';
import { createApp } from '../src/app';
import { generateSigningKey, type SigningKey } from '../src/auth/signing-key';
import type { Clock } from '../src/clock';
import { createPrismaClient, type PrismaClient } from '../src/db/prisma';

type Infra = ServiceTestbed<{ label: string; migrationsDir: string; redis: true; rabbit: true }>;

export interface UserServiceHarness {
  infra: Infra;
  prisma: PrismaClient;
  messaging: Messaging;
  signingKey: SigningKey;
  config: UserConfig;
  running: RunningTestService;
  url: string;
  /** Starts another instance on the same database/Redis/exchange (other env, e.g. rate limits). */
  startAnother(env?: Record<string, string>, clock?: Clock): Promise<RunningTestService>;
  close(): Promise<void>;
}

/**
 * A real user-service on a free port, with its own migrated database, Redis
 * key prefix and RabbitMQ exchange; a fresh Ed25519 key the test can also
 * sign with.
 */
export async function startUserServiceHarness(label: string, env: Record<string, string> = {}): Promise<UserServiceHarness> {
  const infra: Infra = await createServiceTestbed('user-service', {
    label,
    migrationsDir: path.join(__dirname, '../prisma/migrations'),
    redis: true,
    rabbit: true,
  });
  const { logger } = infra;
  const prisma = createPrismaClient(infra.database.url);
  const messaging = createMessaging(infra.messagingOptions);
  const signingKey = await generateSigningKey();
  const others: RunningTestService[] = [];

  const configFor = (overrides: Record<string, string>) =>
    loadConfig(userEnvSchema, {
      ...infra.env,
      // Generous defaults so that only the rate-limit suite meets a limit.
      RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '1000',
      RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR: '1000',
      RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: '1000',
      RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR: '100',
      // Keys and the pub/sub channel of this file's own revocation list.
      AUTH_REVOCATION_PREFIX: `${infra.redis.prefix}revoked:`,
      ...env,
      ...overrides,
    });

  const config = configFor({});
  // One list for every instance of the file, closed with the harness (extra instances never run their shutdown).
  const revocations = createRevocationList({ redis: infra.redis.redis, prefix: config.AUTH_REVOCATION_PREFIX });
  const running = await startTestService(
    createApp({ config, prisma, redis: infra.redis.redis, messaging, signingKey, logger, revocations }),
  );

  return {
    infra,
    prisma,
    messaging,
    signingKey,
    config,
    running,
    url: running.url,
    async startAnother(overrides = {}, clock) {
      const service = createApp({
        config: configFor(overrides),
        prisma,
        redis: infra.redis.redis,
        messaging,
        signingKey,
        logger,
        revocations,
        ...(clock ? { clock } : {}),
      });
      const started = await startTestService(service);
      others.push(started);
      return started;
    },
    async close() {
      // Extra instances share the clients of the first one, so only their
      // HTTP servers close (stop() would close the shared clients too).
      for (const { service } of others) {
        service.server.closeAllConnections();
        await new Promise((resolve) => service.server.close(resolve));
      }
      await running.stop();
      await revocations.close();
      await infra.cleanup();
    },
  };
}
