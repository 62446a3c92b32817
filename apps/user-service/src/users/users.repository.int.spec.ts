import { ConflictError } from '@peerprep/service-kit';
import { useUsersDatabase } from '../../test/users-database';
import type { NewUser } from './users.repository';

describe('users repository (real Postgres)', () => {
  const db = useUsersDatabase('users_repo');

  const alice: NewUser = {
    username: 'Alice_01',
    email: 'Alice@Example.com',
    displayName: 'Alice',
    passwordHash: '$argon2id$placeholder',
  };

  it('creates a user with a generated id, role USER and timestamps, and finds it by id', async () => {
    const created = await db.users.create(alice);

    expect(created).toMatchObject({ ...alice, role: 'USER' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await db.users.findById(created.id)).toEqual(created);
  });

  it('finds nobody for an unknown id', async () => {
    expect(await db.users.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('finds a user by username or by email in any case', async () => {
    const created = await db.users.create({ ...alice, role: 'ADMIN' });

    for (const identifier of ['alice_01', 'ALICE_01', 'alice@example.COM', ' Alice@Example.com ']) {
      expect(await db.users.findByUsernameOrEmail(identifier)).toEqual(created);
    }
    expect(await db.users.findByUsernameOrEmail('bob')).toBeNull();
  });

  it('rejects a username that differs only in case with a conflict naming username', async () => {
    await db.users.create(alice);

    const attempt = db.users.create({ ...alice, username: 'ALICE_01', email: 'other@example.com' });

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ fields: [{ field: 'username' }] });
  });

  it('rejects an email that differs only in case with a conflict naming email', async () => {
    await db.users.create(alice);

    const attempt = db.users.create({ ...alice, username: 'someone_else', email: 'alice@EXAMPLE.com' });

    await expect(attempt).rejects.toMatchObject({ name: 'ConflictError', fields: [{ field: 'email' }] });
    expect(await db.prisma.user.count()).toBe(1);
  });
});
