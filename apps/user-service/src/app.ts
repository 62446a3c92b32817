import { createPublicKey } from 'node:crypto';
import { createRevocationList, createTokenVerifier, type RevocationList } from '@peerprep/auth';
import { createPrismaOutboxRelay, messagingDependency, type Messaging } from '@peerprep/messaging';
import { createMetrics, createService, redisDependency, sqlDependency, type Logger, type Service } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import type { UserConfig } from '@peerprep/user-service-config';
import { createAccessTokenIssuer } from './auth/access-token';
import { authRoutes } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { createPasswordHasher, type PasswordHasher } from './auth/password-hasher';
import { refreshCookieSettings } from './auth/refresh-cookie';
import type { SigningKey } from './auth/signing-key';
import { systemClock, type Clock } from './clock';
import type { PrismaClient } from './db/prisma';
import { createAuthRateLimits } from './rate-limits/auth-rate-limits';
import { createRefreshTokensRepository } from './sessions/refresh-tokens.repository';
import { createSessionsService } from './sessions/sessions.service';
import { usersRoutes } from './users/users.routes';
import { createUsersRepository } from './users/users.repository';
import { createUsersService } from './users/users.service';

export interface AppDeps {
  config: UserConfig;
  prisma: PrismaClient;
  redis: Redis;
  messaging: Messaging;
  /** Signs access tokens; its public half is served as the JWKS. */
  signingKey: SigningKey;
  /** main.ts makes it first: the connections it opens before the app log through it too. */
  logger: Logger;
  clock?: Clock;
  hasher?: PasswordHasher;
  /** Defaults to one of its own in Redis under AUTH_REVOCATION_PREFIX (closed at shutdown); a given one is the caller's to close. */
  revocations?: RevocationList;
}

/**
 * Accounts: users, credentials, roles and refresh tokens in its own Postgres
 * database; rate-limit counters in Redis; publishes user events. The only
 * signer of access tokens.
 */
export function createApp(deps: AppDeps): Service {
  const { config, prisma, redis, messaging, signingKey, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const hasher = deps.hasher ?? createPasswordHasher();

  const users = createUsersRepository(prisma);
  const sessions = createSessionsService({
    refreshTokens: createRefreshTokensRepository(prisma),
    clock,
    refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    logger,
  });
  const rateLimits = createAuthRateLimits(redis, config);
  const ownRevocations = deps.revocations === undefined;
  const revocations = deps.revocations ?? createRevocationList({ redis, prefix: config.AUTH_REVOCATION_PREFIX });
  const auth = createAuthService({
    users,
    sessions,
    hasher,
    issueAccessToken: createAccessTokenIssuer(signingKey, clock, (userId) => revocations.earliestIssuedAt(userId)),
    rateLimits,
    revocations,
    logger,
  });
  const metrics = createMetrics('user-service');
  // Publishes the events committed with the changes (user.deleted), with confirms.
  const outbox = createPrismaOutboxRelay({ name: 'user-service', prisma, messaging, logger, registry: metrics.registry });
  const usersService = createUsersService({ users, sessions, hasher, rateLimits, outbox, revocations, logger });
  // user-service checks its own tokens with the same verifier as everyone else, fed the public key directly.
  const verifier = createTokenVerifier({
    publicKeyPem: createPublicKey(signingKey.privateKey).export({ type: 'spki', format: 'pem' }).toString(),
    revocations,
  });
  const cookie = refreshCookieSettings(config.NODE_ENV, config.REFRESH_TOKEN_TTL_DAYS);

  const service = createService({
    name: 'user-service',
    config,
    logger,
    metrics,
    dependencies: [sqlDependency(prisma), redisDependency(redis), messagingDependency(messaging)],
    onShutdown: async () => {
      await outbox.close();
      if (ownRevocations) await revocations.close();
    },
    routes: (app) => {
      app.use(authRoutes({ auth, signingKey, cookie }));
      app.use(usersRoutes({ users: usersService, verifier, cookie }));
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
