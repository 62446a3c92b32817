import { createLogger, type Logger } from '@peerprep/service-kit';
import { createTestInfrastructure, type TestInfrastructure, type TestInfrastructureOptions } from './infrastructure';
import type { TestDatabase } from './postgres';
import type { TestRabbit } from './rabbitmq';
import type { TestRedis } from './redis';
import { testServiceEnv } from './service';

/** What `createMessaging` (@peerprep/messaging) takes to publish and consume as the service on the file's own exchange. */
export interface TestMessagingOptions {
  url: string;
  serviceName: string;
  exchange: string;
  logger: Logger;
}

export type ServiceTestbed<O extends TestInfrastructureOptions = TestInfrastructureOptions> = TestInfrastructure<O> & {
  /** `testServiceEnv` and the connection variables of what was asked for: DATABASE_URL, REDIS_URL. */
  env: Record<string, string>;
  logger: Logger;
  messagingOptions: O extends { rabbit: true } ? TestMessagingOptions : undefined;
};

export interface ServiceTestbedOptions {
  /** pino's level; the tests of a service pass TEST_LOG_LEVEL through to see its logs. */
  logLevel?: string;
}

/**
 * What a service's integration test builds the service from (its own
 * `createApp`): the file's own migrated database, Redis key prefix and
 * RabbitMQ exchange (`createTestInfrastructure`, as asked for), the
 * environment its config schema reads them from, a logger named after the
 * service, and its messaging options. `cleanup()` removes the slice; stopping
 * the service is the test's.
 */
export async function createServiceTestbed<const O extends TestInfrastructureOptions>(
  serviceName: string,
  infrastructure: O,
  options: ServiceTestbedOptions = {},
): Promise<ServiceTestbed<O>> {
  // Widened: what was asked for is known only at the call site.
  const infra: { database?: TestDatabase; redis?: TestRedis; rabbit?: TestRabbit } = await createTestInfrastructure(infrastructure);
  const logger = createLogger({ name: serviceName, level: options.logLevel ?? 'silent' });
  const env: Record<string, string> = {
    ...testServiceEnv,
    ...(infra.database ? { DATABASE_URL: infra.database.url } : {}),
    ...(infra.redis ? { REDIS_URL: infra.redis.url } : {}),
  };
  const messagingOptions = infra.rabbit ? { url: infra.rabbit.url, serviceName, exchange: infra.rabbit.exchange, logger } : undefined;
  return { ...infra, env, logger, messagingOptions } as ServiceTestbed<O>;
}
