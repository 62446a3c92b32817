import { createLogger } from '@peerprep/service-kit';
import { useUsersDatabase } from '../../test/users-database';
import { createPasswordHasher } from '../auth/password-hasher';
import { ensureBootstrapAdmin } from './bootstrap-admin';

describe('bootstrap admin (real Postgres)', () => {
  const db = useUsersDatabase('user_bootstrap');
  const hasher = createPasswordHasher();
  const logger = createLogger({ name: 'user-service', level: 'silent' });
  const settings = { ADMIN_USERNAME: 'root_admin', ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'first-admin-password' };

  const run = (overrides: Partial<typeof settings> = {}) => ensureBootstrapAdmin({ ...settings, ...overrides }, { users: db.users, hasher, logger });

  it('creates the admin with a hash of the configured password, then leaves it alone on every later start', async () => {
    expect(await run()).toBe('created');
    const created = await db.prisma.user.findFirstOrThrow({ where: { username: 'root_admin' } });

    expect(await run()).toBe('unchanged');
    expect(await run({ ADMIN_PASSWORD: 'a-rotated-env-password' })).toBe('unchanged');

    const after = await db.prisma.user.findFirstOrThrow({ where: { username: 'root_admin' } });
    expect(created).toMatchObject({ role: 'ADMIN', email: 'root@example.com' });
    expect(after.passwordHash).toBe(created.passwordHash);
    expect(await hasher.verify(after.passwordHash, 'first-admin-password')).toBe(true);
    expect(await db.prisma.user.count()).toBe(1);
  });

  it('promotes an existing account with that username (any case) without touching its password', async () => {
    const existing = await db.users.create({ username: 'Root_Admin', email: 'someone@example.com', displayName: 'R', passwordHash: await hasher.hash('own-password') });

    expect(await run()).toBe('promoted');

    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.role).toBe('ADMIN');
    expect(after.passwordHash).toBe(existing.passwordHash);
    expect(await db.prisma.user.count()).toBe(1);
  });

  it('promotes an existing account with that email', async () => {
    const existing = await db.users.create({ username: 'other_name', email: 'ROOT@example.com', displayName: 'R', passwordHash: 'h' });

    expect(await run()).toBe('promoted');
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ role: 'ADMIN' });
  });

  it('is safe when several replicas start at once', async () => {
    const outcomes = await Promise.all([run(), run(), run()]);

    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(await db.prisma.user.count({ where: { role: 'ADMIN' } })).toBe(1);
  });

  it('does nothing when the variables are unset', async () => {
    expect(await ensureBootstrapAdmin({}, { users: db.users, hasher, logger })).toBe('skipped');
    expect(await db.prisma.user.count()).toBe(0);
  });
});
