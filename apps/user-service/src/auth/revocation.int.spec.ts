import { call, signUp, type SignedInAccount } from '../../test/http';
import { startUserServiceHarness, type UserServiceHarness } from '../../test/user-service-harness';

/**
 * An access token outlives nothing it stood for: after sign-out, a password
 * change, a role change or the account's deletion, the tokens issued before
 * are refused (the revocation list every verifier consults), not honoured
 * for the rest of their 15 minutes.
 */
describe('access-token revocation (real service, real Redis)', () => {
  let h: UserServiceHarness;
  let url: string;

  beforeAll(async () => {
    h = await startUserServiceHarness('user_revocation');
    url = h.url;
  });

  afterAll(async () => {
    await h?.close();
  });

  const me = (token: string) => call(url, 'GET', '/api/users/me', { token });

  async function signUpAdmin(): Promise<SignedInAccount> {
    const account = await signUp(url, 'radmin');
    await h.prisma.user.update({ where: { id: account.id }, data: { role: 'ADMIN' } });
    const refreshed = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: account.refreshCookie });
    return { ...account, accessToken: refreshed.body.accessToken, refreshCookie: refreshed.refreshCookie ?? '' };
  }

  it("refuses a signed-out session's access token, and only that session's", async () => {
    const alice = await signUp(url, 'rlogout');
    const otherSignIn = await call(url, 'POST', '/api/auth/login', { body: { identifier: alice.username, password: alice.password } });
    expect((await me(alice.accessToken)).status).toBe(200);

    expect((await call(url, 'POST', '/api/auth/logout', { refreshCookie: alice.refreshCookie })).status).toBe(204);

    const after = await me(alice.accessToken);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect((await me(otherSignIn.body.accessToken)).status).toBe(200);
  });

  it('refuses every earlier access token of a user who changed their password; the caller continues with a fresh one', async () => {
    const alice = await signUp(url, 'rpass');
    const elsewhere = await call(url, 'POST', '/api/auth/login', { body: { identifier: alice.username, password: alice.password } });

    const changed = await call(url, 'POST', '/api/users/me/password', {
      token: alice.accessToken,
      body: { currentPassword: alice.password, newPassword: 'a-brand-new-password' },
    });
    expect(changed.status).toBe(204);

    expect((await me(alice.accessToken)).status).toBe(401);
    expect((await me(elsewhere.body.accessToken)).status).toBe(401);
    const refreshed = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: changed.refreshCookie });
    expect(refreshed.status).toBe(200);
    expect((await me(refreshed.body.accessToken)).status).toBe(200);
  });

  it('refuses the access tokens issued before a role change; the next refresh carries the new role', async () => {
    const admin = await signUpAdmin();
    const bob = await signUpAdmin();

    const demoted = await call(url, 'PATCH', `/api/users/${bob.id}/role`, { token: admin.accessToken, body: { role: 'USER' } });
    expect(demoted.status).toBe(200);

    // Bob's ADMIN token would still list users for its remaining minutes.
    expect((await call(url, 'GET', '/api/users', { token: bob.accessToken })).status).toBe(401);
    const refreshed = await call(url, 'POST', '/api/auth/refresh', { refreshCookie: bob.refreshCookie });
    expect(refreshed.body.user.role).toBe('USER');
    expect((await call(url, 'GET', '/api/users', { token: refreshed.body.accessToken })).status).toBe(403);
  });

  it('refuses the access tokens of a deleted account', async () => {
    const alice = await signUp(url, 'rdel');

    const deleted = await call(url, 'DELETE', '/api/users/me', { token: alice.accessToken, body: { password: alice.password } });
    expect(deleted.status).toBe(204);

    const after = await call(url, 'PATCH', '/api/users/me', { token: alice.accessToken, body: { displayName: 'Ghost' } });
    expect(after.status).toBe(401);
  });
});
