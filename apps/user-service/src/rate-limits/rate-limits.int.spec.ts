import type { RunningTestService } from '@peerprep/testing';
import { call, newAccount, signUp } from '../../test/http';
import { startUserServiceHarness, type UserServiceHarness } from '../../test/user-service-harness';

/**
 * The gateway's X-Forwarded-For is trusted from loopback, so each test speaks
 * from its own client address and meets only its own per-IP counters.
 */
let ipCounter = 0;
const freshIp = () => {
  ipCounter += 1;
  return { 'x-forwarded-for': `203.0.113.${ipCounter}` };
};

describe('rate limits in Redis (real service)', () => {
  let h: UserServiceHarness;
  let limited: RunningTestService;
  let pairLimited: RunningTestService;

  beforeAll(async () => {
    h = await startUserServiceHarness('user_ratelimit');
    limited = await h.startAnother({
      RATE_LIMIT_PREFIX: 'limited',
      RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '3',
      RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR: '2',
      RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: '2',
      RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR: '3',
    });
    pairLimited = await h.startAnother({
      RATE_LIMIT_PREFIX: 'pair',
      RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_AND_IP: '2',
      RATE_LIMIT_LOGIN_LOCK_SECONDS: '60',
      RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR: '6',
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const login = (identifier: string, password: string, headers: Record<string, string>) =>
    call(limited.url, 'POST', '/api/auth/login', { body: { identifier, password }, headers });

  it('limits logins per IP with 429 and Retry-After, while other IPs still sign in', async () => {
    const alice = await signUp(limited.url, 'ipl', freshIp());
    const ip = freshIp();

    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await login(alice.username, alice.password, ip)).status);
    const blocked = await login(alice.username, alice.password, ip);

    expect(statuses).toEqual([200, 200, 200]);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(blocked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await login(alice.username, alice.password, freshIp())).status).toBe(200);
  });

  it('counts an IPv6 client by its /64: new addresses in the same block buy no new logins', async () => {
    const alice = await signUp(limited.url, 'ip6', freshIp());
    const statuses = [];
    for (let i = 1; i <= 4; i += 1) statuses.push((await login(alice.username, alice.password, { 'x-forwarded-for': `2001:db8:7:${ipCounter}::${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await login(alice.username, alice.password, { 'x-forwarded-for': `2001:db8:8:${ipCounter}::1` })).status).toBe(200);
  });

  it('limits sign-ups per IP', async () => {
    const ip = freshIp();

    const first = await call(limited.url, 'POST', '/api/auth/signup', { body: newAccount('sl'), headers: ip });
    const second = await call(limited.url, 'POST', '/api/auth/signup', { body: newAccount('sl'), headers: ip });
    const third = await call(limited.url, 'POST', '/api/auth/signup', { body: newAccount('sl'), headers: ip });

    expect([first.status, second.status, third.status]).toEqual([201, 201, 429]);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it('limits refreshes per IP', async () => {
    const alice = await signUp(limited.url, 'rl', freshIp());
    const ip = freshIp();

    const first = await call(limited.url, 'POST', '/api/auth/refresh', { refreshCookie: alice.refreshCookie, headers: ip });
    const second = await call(limited.url, 'POST', '/api/auth/refresh', { refreshCookie: first.refreshCookie, headers: ip });
    const third = await call(limited.url, 'POST', '/api/auth/refresh', { refreshCookie: second.refreshCookie, headers: ip });

    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    // A rate-limited refresh keeps the cookie: the session is still good.
    expect(third.refreshCookie).toBeUndefined();
  });

  it('locks an account after its failed logins, from any IP and even with the right password', async () => {
    const alice = await signUp(limited.url, 'acct', freshIp());

    const failures = [];
    for (let i = 0; i < 3; i += 1) failures.push((await login(alice.username, `wrong-${i}`, freshIp())).status);
    const locked = await login(alice.email, alice.password, freshIp());

    expect(failures).toEqual([401, 401, 401]);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    // Another account is not affected.
    const bob = await signUp(limited.url, 'acct', freshIp());
    expect((await login(bob.username, bob.password, freshIp())).status).toBe(200);
  });

  it('throttles an unknown account exactly like a real one (no enumeration through 429s)', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await login('nobody_at_all', 'whatever-pw', freshIp())).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('counts every failure of the hour against the account ceiling, even with successful logins in between', async () => {
    const alice = await signUp(limited.url, 'ceil', freshIp());

    const statuses = [];
    for (const password of ['bad-1', 'bad-2', alice.password, 'bad-3', alice.password]) {
      statuses.push((await login(alice.username, password, freshIp())).status);
    }

    expect(statuses).toEqual([401, 401, 200, 401, 429]);
  });

  describe('per account and client', () => {
    const pairLogin = (identifier: string, password: string, headers: Record<string, string>) =>
      call(pairLimited.url, 'POST', '/api/auth/login', { body: { identifier, password }, headers });

    it("locks out a stranger guessing the owner's password, while the owner signs in from elsewhere", async () => {
      const owner = await signUp(pairLimited.url, 'owner', freshIp());
      const stranger = freshIp();

      const guesses = [];
      for (let i = 0; i < 2; i += 1) guesses.push((await pairLogin(owner.username, `guess-${i}`, stranger)).status);
      const strangerAgain = await pairLogin(owner.username, owner.password, stranger);
      const ownerElsewhere = await pairLogin(owner.email, owner.password, freshIp());

      expect(guesses).toEqual([401, 401]);
      // Even the right password: the stranger learns nothing more here for a while.
      expect(strangerAgain.status).toBe(429);
      expect(Number(strangerAgain.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(strangerAgain.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(ownerElsewhere.status).toBe(200);
    });

    it('locks a client by account: the same client may still try another account', async () => {
      const alice = await signUp(pairLimited.url, 'pa', freshIp());
      const bob = await signUp(pairLimited.url, 'pb', freshIp());
      const client = freshIp();

      for (let i = 0; i < 2; i += 1) await pairLogin(alice.username, `guess-${i}`, client);

      expect((await pairLogin(alice.username, alice.password, client)).status).toBe(429);
      expect((await pairLogin(bob.username, bob.password, client)).status).toBe(200);
    });

    it("starts a client's count over when it signs in with the right password", async () => {
      const alice = await signUp(pairLimited.url, 'pr', freshIp());
      const client = freshIp();

      const statuses = [];
      for (const password of ['typo-1', alice.password, 'typo-2', alice.password]) {
        statuses.push((await pairLogin(alice.username, password, client)).status);
      }

      expect(statuses).toEqual([401, 200, 401, 200]);
    });

    it('still holds the per-account ceiling against a guesser with many addresses', async () => {
      const owner = await signUp(pairLimited.url, 'many', freshIp());

      const guesses = [];
      for (let client = 0; client < 3; client += 1) {
        const ip = freshIp();
        for (let i = 0; i < 2; i += 1) guesses.push((await pairLogin(owner.username, `guess-${client}-${i}`, ip)).status);
      }
      const afterCeiling = await pairLogin(owner.username, owner.password, freshIp());

      expect(guesses).toEqual([401, 401, 401, 401, 401, 401]);
      expect(afterCeiling.status).toBe(429);
      expect(Number(afterCeiling.headers.get('retry-after'))).toBeGreaterThan(60);
    });
  });

  it('counts wrong password confirmations (password change) against the same account budget', async () => {
    const alice = await signUp(limited.url, 'confirm', freshIp());
    const change = (currentPassword: string) =>
      call(limited.url, 'POST', '/api/users/me/password', {
        token: alice.accessToken,
        body: { currentPassword, newPassword: 'some-new-password' },
      });

    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await change(`wrong-${i}`)).status);
    const locked = await change(alice.password);

    expect(statuses).toEqual([400, 400, 400]);
    expect(locked.status).toBe(429);
  });

  it('keeps its counters in Redis under the configured prefix', async () => {
    const keys = await h.infra.redis.redis.keys(`${h.infra.redis.prefix}limited:*`);
    expect(keys.length).toBeGreaterThan(0);
  });
});
