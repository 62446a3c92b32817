import type { TokenResponse, UserProfile } from '@peerprep/contracts';
import { z } from 'zod';
import { ApiError, type apiRequest, type ApiRequestOptions } from '../api-client';
import { refreshDelayMs, REFRESH_RETRY_MS, SessionStore, type SessionStoreDeps } from './session-store';

const user: UserProfile = {
  id: '0190f7a2-3b4c-7d8e-9f01-23456789abcd',
  username: 'ann',
  email: 'ann@example.com',
  displayName: 'Ann',
  role: 'USER',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function tokens(accessToken: string, expiresIn = 900): TokenResponse {
  return { accessToken, tokenType: 'Bearer', expiresIn, user };
}

const unauthorized = () => new ApiError({ status: 401, title: 'Unauthorized' });

/** A promise the test resolves or rejects when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function createStore(overrides: Partial<SessionStoreDeps> = {}) {
  let counter = 0;
  const send = jest.fn<Promise<unknown>, [string, ApiRequestOptions<z.ZodType>]>();
  const deps = {
    refresh: jest.fn(async () => tokens(`token-${++counter}`)),
    logout: jest.fn(async () => undefined),
    ...overrides,
  };
  return { store: new SessionStore({ ...deps, send: send as unknown as typeof apiRequest }), deps: { ...deps, send } };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('refreshDelayMs', () => {
  it('refreshes a 15-minute token one minute before it expires', () => {
    expect(refreshDelayMs(900)).toBe(840_000);
  });

  it('refreshes a short-lived token at three quarters of its life', () => {
    expect(refreshDelayMs(60)).toBe(45_000);
  });
});

describe('SessionStore', () => {
  it('restores the session from the cookie once, however often a StrictMode remount asks', async () => {
    const { store, deps } = createStore();
    expect(store.getSnapshot().status).toBe('loading');
    await Promise.all([store.restore(), store.restore()]);
    await store.restore();
    expect(deps.refresh).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toEqual({ status: 'signedIn', user, endedByUser: false });
  });

  it('is signed out, without an error, when there is no cookie (the API answers 204)', async () => {
    const { store, deps } = createStore({ refresh: jest.fn(async () => null) });
    await store.restore();
    expect(store.getSnapshot()).toEqual({ status: 'signedOut', user: null, endedByUser: false });
    await expect(store.currentAccessToken()).resolves.toBeNull();
    // Nothing is scheduled: a visitor is not polled for a session.
    await jest.advanceTimersByTimeAsync(3_600_000);
    expect(deps.refresh).toHaveBeenCalledTimes(1);
  });

  it('asks the API nothing when the session hint says there is no session', async () => {
    const { store, deps } = createStore({ mayHaveSession: () => false });
    await Promise.all([store.restore(), store.restore()]);
    expect(deps.refresh).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toEqual({ status: 'signedOut', user: null, endedByUser: false });
    await expect(store.currentAccessToken()).resolves.toBeNull();
    expect(deps.refresh).not.toHaveBeenCalled();
  });

  it('restores as usual when the session hint is there', async () => {
    const { store, deps } = createStore({ mayHaveSession: () => true });
    await store.restore();
    expect(deps.refresh).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().status).toBe('signedIn');
  });

  it('a login after a hint-less restore signs in', async () => {
    const { store } = createStore({ mayHaveSession: () => false });
    await store.restore();
    store.signIn(tokens('fresh'));
    expect(store.getSnapshot()).toEqual({ status: 'signedIn', user, endedByUser: false });
    await expect(store.currentAccessToken()).resolves.toBe('fresh');
  });

  it('is signed out when the cookie is dead (401)', async () => {
    const { store } = createStore({ refresh: jest.fn(async () => Promise.reject(unauthorized())) });
    await store.restore();
    expect(store.getSnapshot()).toEqual({ status: 'signedOut', user: null, endedByUser: false });
  });

  it('ends a signed-in session when a later refresh finds no cookie', async () => {
    const refresh = jest.fn<Promise<TokenResponse | null>, []>().mockResolvedValueOnce(tokens('first')).mockResolvedValueOnce(null);
    const { store } = createStore({ refresh });
    await store.restore();
    expect(store.getSnapshot().status).toBe('signedIn');
    await expect(store.refresh()).resolves.toBeNull();
    expect(store.getSnapshot()).toEqual({ status: 'signedOut', user: null, endedByUser: false });
  });

  it('shares one refresh between concurrent callers', async () => {
    const pending = deferred<TokenResponse>();
    const { store, deps } = createStore({ refresh: jest.fn(() => pending.promise) });
    const results = Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    pending.resolve(tokens('shared'));
    expect(await results).toEqual(['shared', 'shared', 'shared']);
    expect(deps.refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes shortly before the access token expires, and again after that', async () => {
    const { store, deps } = createStore();
    store.signIn(tokens('from-login', 900));
    await jest.advanceTimersByTimeAsync(839_000);
    expect(deps.refresh).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(deps.refresh).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(840_000);
    expect(deps.refresh).toHaveBeenCalledTimes(2);
  });

  it('keeps the session through a failed refresh that is not a 401, and retries', async () => {
    const refresh = jest
      .fn<Promise<TokenResponse>, []>()
      .mockRejectedValueOnce(new ApiError({ status: 503, title: 'Service Unavailable' }))
      .mockResolvedValueOnce(tokens('after-outage'));
    const { store } = createStore({ refresh });
    store.signIn(tokens('from-login', 900));
    await jest.advanceTimersByTimeAsync(840_000);
    expect(store.getSnapshot().status).toBe('signedIn');
    await jest.advanceTimersByTimeAsync(REFRESH_RETRY_MS);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().status).toBe('signedIn');
  });

  it('signs out when a scheduled refresh is refused', async () => {
    const { store } = createStore({ refresh: jest.fn(async () => Promise.reject(unauthorized())) });
    store.signIn(tokens('from-login', 900));
    await jest.advanceTimersByTimeAsync(840_000);
    expect(store.getSnapshot().status).toBe('signedOut');
  });

  it('sends the access token, and after a 401 refreshes once and retries', async () => {
    const { store, deps } = createStore();
    store.signIn(tokens('stale'));
    deps.send.mockRejectedValueOnce(unauthorized()).mockResolvedValueOnce({ ok: true });
    await expect(store.request('/users/me', { schema: z.unknown() })).resolves.toEqual({ ok: true });
    expect(deps.send.mock.calls.map(([, options]) => options.token)).toEqual(['stale', 'token-1']);
    expect(deps.refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes once for many requests refused together', async () => {
    const { store, deps } = createStore();
    store.signIn(tokens('stale'));
    deps.send.mockImplementation(async (_path, options) => {
      if (options.token === 'stale') throw unauthorized();
      return options.token;
    });
    const results = await Promise.all([1, 2, 3].map(() => store.request('/users/me', { schema: z.unknown() })));
    expect(results).toEqual(['token-1', 'token-1', 'token-1']);
    expect(deps.refresh).toHaveBeenCalledTimes(1);
  });

  it('gives up after one retry: a second 401 reaches the caller and the session ends', async () => {
    const refresh = jest.fn(async () => Promise.reject(unauthorized()));
    const { store, deps } = createStore({ refresh });
    store.signIn(tokens('stale'));
    deps.send.mockRejectedValue(unauthorized());
    await expect(store.request('/users/me', { schema: z.unknown() })).rejects.toMatchObject({ status: 401 });
    expect(deps.send).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().status).toBe('signedOut');
  });

  it('refreshes an expired token before using it (a tab that slept past expiry)', async () => {
    let now = 0;
    const { store, deps } = createStore({ now: () => now, schedule: () => () => undefined });
    store.signIn(tokens('old', 900));
    now = 901_000;
    deps.send.mockResolvedValue('ok');
    await store.request('/users/me', { schema: z.unknown() });
    expect(deps.send.mock.calls[0][1].token).toBe('token-1');
  });

  it('a request made while loading waits for the restore instead of failing', async () => {
    const { store, deps } = createStore();
    deps.send.mockResolvedValue('ok');
    await store.request('/users/me', { schema: z.unknown() });
    expect(deps.send.mock.calls[0][1].token).toBe('token-1');
  });

  it('logs out after the refresh in flight, and that refresh cannot sign back in', async () => {
    const pending = deferred<TokenResponse>();
    const order: string[] = [];
    const { store } = createStore({
      refresh: jest.fn(() => pending.promise.finally(() => order.push('refresh'))),
      logout: jest.fn(async () => {
        order.push('logout');
      }),
    });
    store.signIn(tokens('from-login'));
    const refreshing = store.refresh();
    const signingOut = store.signOut();
    pending.resolve(tokens('rotated'));
    await Promise.all([refreshing, signingOut]);
    expect(order).toEqual(['refresh', 'logout']);
    expect(store.getSnapshot()).toMatchObject({ status: 'signedOut', endedByUser: true });
    await jest.advanceTimersByTimeAsync(900_000);
    expect(store.getSnapshot().status).toBe('signedOut');
  });

  it('a login during a failing restore is not undone by the restore', async () => {
    const pending = deferred<TokenResponse>();
    const { store } = createStore({ refresh: jest.fn(() => pending.promise) });
    const restoring = store.restore();
    store.signIn(tokens('from-login'));
    pending.reject(unauthorized());
    await restoring;
    expect(store.getSnapshot().status).toBe('signedIn');
  });

  it('notifies subscribers on every change and updates the user in place', async () => {
    const { store } = createStore();
    const listener = jest.fn();
    const unsubscribe = store.subscribe(listener);
    store.signIn(tokens('a'));
    store.updateUser({ ...user, displayName: 'Annie' });
    expect(store.getSnapshot().user?.displayName).toBe('Annie');
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.forget();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot()).toMatchObject({ status: 'signedOut', endedByUser: true });
  });
});
