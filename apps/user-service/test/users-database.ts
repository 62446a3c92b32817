import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@peerprep/testing';
import { createPrismaClient, type PrismaClient } from '../src/db/prisma';
import { createUsersRepository, type UsersRepository } from '../src/users/users.repository';

export interface UsersDatabase {
  prisma: PrismaClient;
  users: UsersRepository;
}

/**
 * For the enclosing describe block: the file's own migrated database, a Prisma
 * client on it and the users repository over it (set once beforeAll has run),
 * every user deleted before each test, the client closed and the database
 * dropped after all.
 */
export function useUsersDatabase(label: string): UsersDatabase {
  const store = {} as UsersDatabase;
  let db: TestDatabase | undefined;

  beforeAll(async () => {
    db = await createTestDatabase({ migrationsDir: path.join(__dirname, '../prisma/migrations'), label });
    store.prisma = createPrismaClient(db.url);
    store.users = createUsersRepository(store.prisma);
  });

  afterAll(async () => {
    await store.prisma?.$disconnect();
    await db?.drop();
  });

  beforeEach(async () => {
    await store.prisma.user.deleteMany();
  });

  return store;
}
