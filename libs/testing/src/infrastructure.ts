import { createTestDatabase, type TestDatabase } from './postgres';
import { createTestRabbit, type TestRabbit } from './rabbitmq';
import { createTestRedis, type TestRedis } from './redis';

export interface TestInfrastructureOptions {
  label: string;
  /** A Prisma migrations folder: creates and migrates an isolated database. */
  migrationsDir?: string;
  redis?: boolean;
  rabbit?: boolean;
}

/** What was asked for is there (typed as present), the rest is undefined. */
export interface TestInfrastructure<O extends TestInfrastructureOptions = TestInfrastructureOptions> {
  database: O extends { migrationsDir: string } ? TestDatabase : undefined;
  redis: O extends { redis: true } ? TestRedis : undefined;
  rabbit: O extends { rabbit: true } ? TestRabbit : undefined;
  cleanup(): Promise<void>;
}

/**
 * The isolated slice of the local servers that one test file of a service
 * needs: its own migrated database, Redis key prefix and RabbitMQ
 * exchange/queues. `cleanup()` removes all of them.
 */
export async function createTestInfrastructure<const O extends TestInfrastructureOptions>(
  options: O,
): Promise<TestInfrastructure<O>> {
  const [database, redis, rabbit] = await Promise.all([
    options.migrationsDir ? createTestDatabase({ migrationsDir: options.migrationsDir, label: options.label }) : undefined,
    options.redis ? createTestRedis(options.label) : undefined,
    options.rabbit ? createTestRabbit(options.label) : undefined,
  ]);
  return {
    database,
    redis,
    rabbit,
    async cleanup() {
      await Promise.all([database?.drop(), redis?.cleanup(), rabbit?.cleanup()]);
    },
  } as TestInfrastructure<O>;
}
