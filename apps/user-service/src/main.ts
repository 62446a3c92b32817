import { createMessaging } from '@peerprep/messaging';
import { ConfigError, createLogger, createRedisClient, loadConfigOrExit, runService } from '@peerprep/service-kit';
import { userEnvSchema } from '@peerprep/user-service-config';
import { ensureBootstrapAdmin } from './admin/bootstrap-admin';
import { createApp } from './app';
import { createPasswordHasher } from './auth/password-hasher';
import { loadSigningKey, type SigningKey } from './auth/signing-key';
import { createPrismaClient } from './db/prisma';
import { createUsersRepository } from './users/users.repository';

async function main(): Promise<void> {
  const config = loadConfigOrExit('user-service', userEnvSchema);
  const logger = createLogger({ name: 'user-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });

  let signingKey: SigningKey;
  try {
    signingKey = await loadSigningKey(config, logger);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`[user-service] cannot start: ${error.message}\n`);
    process.exit(1);
  }

  const prisma = createPrismaClient(config.DATABASE_URL);
  const redis = createRedisClient(config.REDIS_URL, logger);
  const messaging = createMessaging({ url: config.AMQP_URL, serviceName: 'user-service', logger });
  const hasher = createPasswordHasher();

  try {
    const outcome = await ensureBootstrapAdmin(config, { users: createUsersRepository(prisma), hasher, logger });
    logger.info({ outcome }, 'bootstrap admin checked');
  } catch (error) {
    // Usually the database is not up yet: exit, and let the orchestrator restart us.
    logger.fatal({ err: error }, 'bootstrap admin failed');
    await Promise.allSettled([prisma.$disconnect(), redis.quit(), messaging.close()]);
    process.exit(1);
  }

  await runService(createApp({ config, prisma, redis, messaging, signingKey, logger, hasher }));
}

void main();
