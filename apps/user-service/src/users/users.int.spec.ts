import type { EventEnvelope } from '@peerprep/contracts';
import { usersPageSchema, userProfileSchema } from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import { call, signUp, type SignedInAccount } from '../../test/http';
import { startUserServiceHarness, type UserServiceHarness } from '../../test/user-service-harness';

describe('users routes (real Postgres, Redis and RabbitMQ)', () => {
  let h: UserServiceHarness;
  let url: string;
  const deletedEvents: EventEnvelope<'user.deleted', { userId: string }>[] = [];

  /** Signs up, promotes to ADMIN in the database, and refreshes to get an ADMIN token. */
  async function signUpAdmin(tag = 'admin'): Promise<SignedInAccount> {
    const account = await signUp(url, tag);
    await h.prisma.user.update({ where: { id: account.id }, data: { role: 'ADMIN' } });
    const refreshed = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });
    return { ...account, accessToken: refreshed.body.accessToken, refreshCookie: refreshed.refreshCookie ?? '' };
  }

  beforeAll(async () => {
    h = await startUserServiceHarness('user_users');
    url = h.url;
    await h.messaging.subscribe({
      queue: h.infra.rabbit.queueName('deleted-users'),
      handlers: {
        'user.deleted': async (event) => {
          deletedEvents.push(event);
        },
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('GET /api/users/me', () => {
    it("answers the caller's own profile, without the password hash", async () => {
      const alice = await signUp(url, 'me');

      const res = await call(url, 'GET', '/api/users/me', { token: alice.accessToken });

      expect(res.status).toBe(200);
      expect(userProfileSchema.strict().parse(res.body)).toMatchObject({ id: alice.id, username: alice.username, role: 'USER' });
    });

    it('answers 401 without a token', async () => {
      expect((await call(url, 'GET', '/api/users/me')).status).toBe(401);
    });
  });

  describe('PATCH /api/users/me', () => {
    it('changes username, email and display name of the caller only', async () => {
      const alice = await signUp(url, 'edit');
      const bob = await signUp(url, 'bystander');
      const changes = { username: `${alice.username.slice(0, 15)}_new`, email: `new.${alice.email}`, displayName: 'Alice Doe' };

      const res = await call(url, 'PATCH', '/api/users/me', { token: alice.accessToken, body: changes });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: alice.id, ...changes });
      const bobNow = await call(url, 'GET', '/api/users/me', { token: bob.accessToken });
      expect(bobNow.body).toMatchObject({ username: bob.username, email: bob.email });
      // The new username signs in.
      const login = await call(url, 'POST', '/api/auth/login', { body: { identifier: changes.username, password: alice.password } });
      expect(login.status).toBe(200);
    });

    it.each([
      ['role', { role: 'ADMIN' }],
      ['id', { id: '00000000-0000-4000-8000-000000000000' }],
      ['passwordHash', { passwordHash: '$argon2id$forged' }],
    ])('rejects %s in the body with 400 and changes nothing (no mass assignment)', async (_name, extra) => {
      const alice = await signUp(url, 'mass');

      const res = await call(url, 'PATCH', '/api/users/me', { token: alice.accessToken, body: { displayName: 'X', ...extra } });

      expect(res.status).toBe(400);
      const stored = await h.prisma.user.findUniqueOrThrow({ where: { id: alice.id } });
      expect(stored).toMatchObject({ role: 'USER', displayName: alice.username });
    });

    it('answers 400 for an empty body and for invalid fields', async () => {
      const alice = await signUp(url, 'invalid');

      const empty = await call(url, 'PATCH', '/api/users/me', { token: alice.accessToken, body: {} });
      const invalid = await call(url, 'PATCH', '/api/users/me', { token: alice.accessToken, body: { username: 'no spaces!', email: 'x' } });

      expect(empty.status).toBe(400);
      expect(invalid.status).toBe(400);
      expect(new Set(invalid.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['username', 'email']));
    });

    it("answers 409 naming the field when the username or email is another user's, in any case", async () => {
      const alice = await signUp(url, 'clash');
      const bob = await signUp(url, 'owner');

      const username = await call(url, 'PATCH', '/api/users/me', { token: alice.accessToken, body: { username: bob.username.toUpperCase() } });
      const email = await call(url, 'PATCH', '/api/users/me', { token: alice.accessToken, body: { email: bob.email.toUpperCase() } });

      expect(username.status).toBe(409);
      expect(username.body.errors).toEqual([expect.objectContaining({ field: 'username' })]);
      expect(email.status).toBe(409);
      expect(email.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    });
  });

  describe('POST /api/users/me/password', () => {
    it('changes the password, revokes every other session and keeps the caller signed in', async () => {
      const alice = await signUp(url, 'passwd');
      const otherDevice = await call(url, 'POST', '/api/auth/login', { body: { identifier: alice.username, password: alice.password } });
      const newPassword = 'a-brand-new-passphrase';

      const res = await call(url, 'POST', '/api/users/me/password', {
        token: alice.accessToken,
        body: { currentPassword: alice.password, newPassword },
      });

      expect(res.status).toBe(204);
      expect(res.refreshCookieLine).toMatch(/Path=\/api\/auth/);
      expect((await call(url, 'POST', '/api/auth/refresh', { refreshCookie: otherDevice.refreshCookie })).status).toBe(401);
      expect((await call(url, 'POST', '/api/auth/refresh', { refreshCookie: alice.refreshCookie })).status).toBe(401);
      expect((await call(url, 'POST', '/api/auth/refresh', { refreshCookie: res.refreshCookie })).status).toBe(200);
      const oldLogin = await call(url, 'POST', '/api/auth/login', { body: { identifier: alice.username, password: alice.password } });
      const newLogin = await call(url, 'POST', '/api/auth/login', { body: { identifier: alice.username, password: newPassword } });
      expect(oldLogin.status).toBe(401);
      expect(newLogin.status).toBe(200);
    });

    it('answers 400 on currentPassword when it is wrong, and keeps the old password', async () => {
      const alice = await signUp(url, 'wrongpw');

      const res = await call(url, 'POST', '/api/users/me/password', {
        token: alice.accessToken,
        body: { currentPassword: 'not-my-password', newPassword: 'whatever-new-one' },
      });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
      const login = await call(url, 'POST', '/api/auth/login', { body: { identifier: alice.username, password: alice.password } });
      expect(login.status).toBe(200);
    });

    it('answers 400 for a too short or unchanged new password', async () => {
      const alice = await signUp(url, 'weakpw');

      const short = await call(url, 'POST', '/api/users/me/password', { token: alice.accessToken, body: { currentPassword: alice.password, newPassword: 'short' } });
      const same = await call(url, 'POST', '/api/users/me/password', { token: alice.accessToken, body: { currentPassword: alice.password, newPassword: alice.password } });

      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
      expect(same.status).toBe(400);
      expect(same.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    });

    it('answers 401 without a token', async () => {
      const res = await call(url, 'POST', '/api/users/me/password', { body: { currentPassword: 'a', newPassword: 'bbbbbbbbbb' } });
      expect(res.status).toBe(401);
    });
  });

  describe('DELETE /api/users/me', () => {
    it('deletes the account and its sessions, and publishes user.deleted', async () => {
      const alice = await signUp(url, 'leaver');

      const res = await call(url, 'DELETE', '/api/users/me', { token: alice.accessToken, body: { password: alice.password } });

      expect(res.status).toBe(204);
      expect(await h.prisma.user.count({ where: { id: alice.id } })).toBe(0);
      expect(await h.prisma.refreshToken.count({ where: { userId: alice.id } })).toBe(0);
      await waitFor(() => deletedEvents.some((e) => e.payload.userId === alice.id), 10_000, 'the user.deleted event');
      expect(deletedEvents.find((e) => e.payload.userId === alice.id)).toMatchObject({ type: 'user.deleted', version: 1 });
      // The still unexpired access token no longer reaches an account.
      expect((await call(url, 'GET', '/api/users/me', { token: alice.accessToken })).status).toBe(401);
      expect((await call(url, 'POST', '/api/auth/refresh', { refreshCookie: alice.refreshCookie })).status).toBe(401);
      const login = await call(url, 'POST', '/api/auth/login', { body: { identifier: alice.username, password: alice.password } });
      expect(login.status).toBe(401);
    });

    it('answers 400 on password when it is wrong, and deletes nothing', async () => {
      const alice = await signUp(url, 'stayer');

      const res = await call(url, 'DELETE', '/api/users/me', { token: alice.accessToken, body: { password: 'not-it-at-all' } });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
      expect(await h.prisma.user.count({ where: { id: alice.id } })).toBe(1);
    });

    it('answers 400 without a password and 401 without a token', async () => {
      const alice = await signUp(url, 'nopw');
      expect((await call(url, 'DELETE', '/api/users/me', { token: alice.accessToken, body: {} })).status).toBe(400);
      expect((await call(url, 'DELETE', '/api/users/me', { body: { password: alice.password } })).status).toBe(401);
    });
  });

  describe('admin routes', () => {
    it('answers 403 to a USER on every admin route, and changes nothing', async () => {
      const alice = await signUp(url, 'plain');
      const bob = await signUp(url, 'target');

      const list = await call(url, 'GET', '/api/users', { token: alice.accessToken });
      const promoteSelf = await call(url, 'PATCH', `/api/users/${alice.id}/role`, { token: alice.accessToken, body: { role: 'ADMIN' } });
      const demoteOther = await call(url, 'PATCH', `/api/users/${bob.id}/role`, { token: alice.accessToken, body: { role: 'ADMIN' } });

      expect([list.status, promoteSelf.status, demoteOther.status]).toEqual([403, 403, 403]);
      expect(list.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await h.prisma.user.count({ where: { id: { in: [alice.id, bob.id] }, role: 'ADMIN' } })).toBe(0);
    });

    it('answers 401 without a token', async () => {
      expect((await call(url, 'GET', '/api/users')).status).toBe(401);
      expect((await call(url, 'PATCH', `/api/users/${crypto.randomUUID()}/role`, { body: { role: 'USER' } })).status).toBe(401);
    });

    it('lists users page by page with the total, and searches username, email and display name', async () => {
      const admin = await signUpAdmin();
      const tag = `srch${Date.now().toString(36).slice(-4)}`;
      const first = await signUp(url, tag);
      const found = [first, await signUp(url, tag)];
      const byDisplayName = await signUp(url, 'dn');
      await call(url, 'PATCH', '/api/users/me', { token: byDisplayName.accessToken, body: { displayName: `The ${tag.toUpperCase()} one` } });

      const page1 = await call(url, 'GET', `/api/users?q=${tag}&pageSize=2&page=1`, { token: admin.accessToken });
      const page2 = await call(url, 'GET', `/api/users?q=${tag}&pageSize=2&page=2`, { token: admin.accessToken });
      const beyond = await call(url, 'GET', `/api/users?q=${tag}&pageSize=2&page=9`, { token: admin.accessToken });
      const byEmail = await call(url, 'GET', `/api/users?q=${encodeURIComponent(first.email.toUpperCase())}`, { token: admin.accessToken });
      const admins = await call(url, 'GET', '/api/users?role=ADMIN', { token: admin.accessToken });

      expect(page1.status).toBe(200);
      expect(usersPageSchema.parse(page1.body)).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page1.body.items).toHaveLength(2);
      expect(page2.body.items).toHaveLength(1);
      const ids = [...page1.body.items, ...page2.body.items].map((u: { id: string }) => u.id).sort();
      expect(ids).toEqual([...found.map((u) => u.id), byDisplayName.id].sort());
      expect(beyond.body).toMatchObject({ items: [], total: 3 });
      expect(byEmail.body.items.map((u: { id: string }) => u.id)).toEqual([first.id]);
      expect(admins.body.items.every((u: { role: string }) => u.role === 'ADMIN')).toBe(true);
      expect(page1.body.items[0]).not.toHaveProperty('passwordHash');
    });

    it('treats % and _ in the search as plain characters', async () => {
      const admin = await signUpAdmin();
      const res = await call(url, 'GET', `/api/users?q=${encodeURIComponent('%')}`, { token: admin.accessToken });
      expect(res.body).toMatchObject({ total: 0, items: [] });
    });

    it('answers 400 for an invalid page size', async () => {
      const admin = await signUpAdmin();
      const res = await call(url, 'GET', '/api/users?pageSize=1000', { token: admin.accessToken });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'pageSize', location: 'query' })]);
    });

    it("changes another user's role, effective at their next refresh", async () => {
      const admin = await signUpAdmin();
      const bob = await signUp(url, 'promote');

      const res = await call(url, 'PATCH', `/api/users/${bob.id}/role`, { token: admin.accessToken, body: { role: 'ADMIN' } });
      const refreshed = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: bob.refreshCookie });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: bob.id, role: 'ADMIN' });
      expect((await call(url, 'GET', '/api/users', { token: refreshed.body.accessToken })).status).toBe(200);
    });

    it('answers 404 for an unknown user, 400 for a bad id or role', async () => {
      const admin = await signUpAdmin();

      const unknown = await call(url, 'PATCH', `/api/users/${crypto.randomUUID()}/role`, { token: admin.accessToken, body: { role: 'ADMIN' } });
      const badId = await call(url, 'PATCH', '/api/users/not-a-uuid/role', { token: admin.accessToken, body: { role: 'ADMIN' } });
      const badRole = await call(url, 'PATCH', `/api/users/${admin.id}/role`, { token: admin.accessToken, body: { role: 'ROOT' } });

      expect(unknown.status).toBe(404);
      expect(badId.status).toBe(400);
      expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id', location: 'params' })]);
      expect(badRole.status).toBe(400);
    });

    it('refuses (409) to demote or delete the last admin, and allows it once another admin exists', async () => {
      // Start from a database where this test's admin is the only one.
      await h.prisma.user.updateMany({ where: { role: 'ADMIN' }, data: { role: 'USER' } });
      const admin = await signUpAdmin('last');

      const demote = await call(url, 'PATCH', `/api/users/${admin.id}/role`, { token: admin.accessToken, body: { role: 'USER' } });
      const remove = await call(url, 'DELETE', '/api/users/me', { token: admin.accessToken, body: { password: admin.password } });

      expect(demote.status).toBe(409);
      expect(remove.status).toBe(409);
      expect(await h.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: 'ADMIN' });

      const second = await signUp(url, 'second');
      await call(url, 'PATCH', `/api/users/${second.id}/role`, { token: admin.accessToken, body: { role: 'ADMIN' } });
      const demoteNow = await call(url, 'PATCH', `/api/users/${admin.id}/role`, { token: admin.accessToken, body: { role: 'USER' } });
      expect(demoteNow.status).toBe(200);
      expect(demoteNow.body.role).toBe('USER');
    });
  });
});
