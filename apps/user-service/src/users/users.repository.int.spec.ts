import path from 'node:path';
import { ConflictError } from '@peerprep/service-kit';
import { createTestDatabase, type TestDatabase } from '@peerprep/testing';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { createUsersRepository, type NewUser, type UsersRepository } from './users.repository';

const migrationsDir = path.join(__dirname, '../../prisma/migrations');

describe('users repository (real Postgres)', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let users: UsersRepository;

  beforeAll(async () => {
    db = await createTestDatabase({ migrationsDir, label: 'users_repo' });
    prisma = createPrismaClient(db.url);
    users = createUsersRepository(prisma);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  beforeEach(async () => {
    await prisma.user.deleteMany();
  });

  const alice: NewUser = {
    username: 'Alice_01',
    email: 'Alice@Example.com',
    displayName: 'Alice',
    passwordHash: '$argon2id$placeholder',
  };

  it('creates a user with a generated id, role USER and timestamps, and finds it by id', async () => {
    const created = await users.create(alice);

    expect(created).toMatchObject({ ...alice, role: 'USER' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await users.findById(created.id)).toEqual(created);
  });

  it('finds nobody for an unknown id', async () => {
    expect(await users.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('finds a user by username or by email in any case', async () => {
    const created = await users.create({ ...alice, role: 'ADMIN' });

    for (const identifier of ['alice_01', 'ALICE_01', 'alice@example.COM', ' Alice@Example.com ']) {
      expect(await users.findByUsernameOrEmail(identifier)).toEqual(created);
    }
    expect(await users.findByUsernameOrEmail('bob')).toBeNull();
  });

  it('rejects a username that differs only in case with a conflict naming username', async () => {
    await users.create(alice);

    const attempt = users.create({ ...alice, username: 'ALICE_01', email: 'other@example.com' });

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ fields: [{ field: 'username' }] });
  });

  it('rejects an email that differs only in case with a conflict naming email', async () => {
    await users.create(alice);

    const attempt = users.create({ ...alice, username: 'someone_else', email: 'alice@EXAMPLE.com' });

    await expect(attempt).rejects.toMatchObject({ name: 'ConflictError', fields: [{ field: 'email' }] });
    expect(await prisma.user.count()).toBe(1);
  });
});
