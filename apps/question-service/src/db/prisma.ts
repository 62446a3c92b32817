import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export { PrismaClient };

/**
 * The service's Prisma client. It runs on the JS query compiler over
 * node-postgres (`engineType = "client"`), so no native engine is loaded or
 * downloaded. Close it with `$disconnect()` on shutdown.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
