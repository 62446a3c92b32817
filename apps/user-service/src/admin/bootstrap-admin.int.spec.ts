import { createLogger } from '@peerprep/service-kit';
import { call, signUp } from '../../test/http';
import { startUserServiceHarness, type UserServiceHarness } from '../../test/user-service-harness';
import { useUsersDatabase } from '../../test/users-database';
import { createPasswordHasher } from '../auth/password-hasher';
import { createUsersRepository } from '../users/users.repository';
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

  it('never promotes an account somebody else signed up with that username (any case), and keeps its password', async () => {
    const squatter = await db.users.create({ username: 'Root_Admin', email: 'someone@example.com', displayName: 'R', passwordHash: await hasher.hash('own-password') });

    expect(await run()).toBe('refused');
    expect(await run()).toBe('refused');

    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(after.role).toBe('USER');
    expect(after.passwordHash).toBe(squatter.passwordHash);
    expect(await db.prisma.user.count({ where: { role: 'ADMIN' } })).toBe(0);
  });

  it('never promotes an account somebody else signed up with that email', async () => {
    const squatter = await db.users.create({ username: 'other_name', email: 'ROOT@example.com', displayName: 'R', passwordHash: await hasher.hash('own-password') });

    expect(await run()).toBe('refused');
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: squatter.id } })).toMatchObject({ role: 'USER' });
  });

  it('refuses when the username and the email belong to two different accounts, even if one has the configured password', async () => {
    await db.users.create({ username: 'root_admin', email: 'mine@example.com', displayName: 'R', passwordHash: await hasher.hash('first-admin-password') });
    await db.users.create({ username: 'someone_else', email: 'root@example.com', displayName: 'S', passwordHash: await hasher.hash('their-password') });

    expect(await run()).toBe('refused');
    expect(await db.prisma.user.count({ where: { role: 'ADMIN' } })).toBe(0);
  });

  it('promotes an existing account whose password is ADMIN_PASSWORD (the operator proves ownership)', async () => {
    const own = await db.users.create({ username: 'root_admin', email: 'root@example.com', displayName: 'R', passwordHash: await hasher.hash('first-admin-password') });

    expect(await run()).toBe('promoted');
    expect(await run()).toBe('unchanged');
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ role: 'ADMIN', passwordHash: own.passwordHash });
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

describe('a squatted admin name against the real service', () => {
  let h: UserServiceHarness;
  const logger = createLogger({ name: 'user-service', level: 'silent' });

  beforeAll(async () => {
    h = await startUserServiceHarness('user_bootstrap_http');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('a stranger who signs up as the future admin never gets admin rights at the next start', async () => {
    const squatter = await signUp(h.url, 'squat');
    const settings = { ADMIN_USERNAME: squatter.username, ADMIN_EMAIL: 'operator@example.com', ADMIN_PASSWORD: 'the-operators-password' };

    // What main.ts does at every (re)start with the operator's new settings.
    const outcome = await ensureBootstrapAdmin(settings, { users: createUsersRepository(h.prisma), hasher: createPasswordHasher(), logger });

    const login = await call(h.url, 'POST', '/api/auth/login', { body: { identifier: squatter.username, password: squatter.password } });
    expect(outcome).toBe('refused');
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('USER');
    expect((await call(h.url, 'GET', '/api/users', { token: login.body.accessToken })).status).toBe(403);
  });
});
