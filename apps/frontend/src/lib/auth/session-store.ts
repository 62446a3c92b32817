import type { TokenResponse, UserProfile } from '@peerprep/contracts';
import type { z } from 'zod';
import { ApiError, apiRequest, type ApiRequestOptions } from '../api-client';

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';

export interface SessionSnapshot {
  readonly status: SessionStatus;
  readonly user: UserProfile | null;
  /** Signed out by the user's own act (log out, account deleted), not by an expired session. */
  readonly endedByUser: boolean;
}

/** Refresh this long before the access token expires (or at 3/4 of a shorter life). */
export const REFRESH_MARGIN_MS = 60_000;
/** After a refresh failed for a reason that says nothing about the session (outage, 5xx). */
export const REFRESH_RETRY_MS = 15_000;
/** A token this close to expiry is refreshed before use rather than sent to be refused. */
const EXPIRY_SKEW_MS = 5_000;

/** How long after issue to refresh a token that lives `expiresInSeconds`. */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lifetimeMs = expiresInSeconds * 1000;
  return Math.max(0, lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 4));
}

/** Waits after a failed refresh: the server's Retry-After when it gave one. */
function retryDelayMs(error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined) return error.retryAfterSeconds * 1000;
  return REFRESH_RETRY_MS;
}

export type AuthorizedRequestOptions<S extends z.ZodType> = Omit<ApiRequestOptions<S>, 'token'>;

export interface SessionStoreDeps {
  /**
   * POST /auth/refresh: the httpOnly cookie is the credential, and it rotates.
   * null when there is no cookie (a visitor): signed out, without an error.
   */
  refresh: () => Promise<TokenResponse | null>;
  /** POST /auth/logout: revokes the refresh token and clears the cookie. */
  logout: () => Promise<void>;
  /**
   * Whether a refresh cookie may exist (its readable companion, the session
   * hint, is there). When it says no, the restore asks the API nothing: a
   * visitor's page load sends no request and loads no auth code. Without it,
   * every restore asks.
   */
  mayHaveSession?: () => boolean;
  send?: typeof apiRequest;
  now?: () => number;
  /** Runs `callback` after `delayMs`; returns a cancel function. */
  schedule?: (callback: () => void, delayMs: number) => () => void;
  /**
   * Runs a refresh exclusively across every tab of this browser. Tabs share
   * the cookie, and presenting an already rotated refresh token revokes the
   * whole family, so two tabs must never refresh at once.
   */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>;
}

const defaultSchedule = (callback: () => void, delayMs: number) => {
  const id = setTimeout(callback, delayMs);
  return () => clearTimeout(id);
};

const runDirectly = <T>(task: () => Promise<T>) => task();

const LOADING: SessionSnapshot = Object.freeze({ status: 'loading', user: null, endedByUser: false });
const SIGNED_OUT: SessionSnapshot = Object.freeze({ status: 'signedOut', user: null, endedByUser: false });
const SIGNED_OUT_BY_USER: SessionSnapshot = Object.freeze({ status: 'signedOut', user: null, endedByUser: true });

/** What a server render sees: the session is only known in the browser. */
export const serverSessionSnapshot = (): SessionSnapshot => LOADING;

/**
 * The browser's session: the access token lives here, in memory only (never
 * in storage that a script injected into the page could read at leisure).
 * Framework-free, so React subscribes with useSyncExternalStore and tests
 * drive it with fake timers.
 *
 * Invariants: at most one refresh in flight (every caller shares it); a
 * refresh that started before a sign-in or sign-out never overwrites it.
 */
export class SessionStore {
  private snapshot: SessionSnapshot = LOADING;
  private readonly listeners = new Set<() => void>();
  private accessToken: string | null = null;
  private expiresAt = 0;
  private inFlight: Promise<string | null> | null = null;
  private restoring: Promise<void> | null = null;
  private cancelTimer: (() => void) | null = null;
  /** Bumped by every sign-in and sign-out. */
  private epoch = 0;
  private readonly send: typeof apiRequest;
  private readonly now: () => number;
  private readonly schedule: NonNullable<SessionStoreDeps['schedule']>;
  private readonly exclusive: NonNullable<SessionStoreDeps['exclusive']>;

  constructor(private readonly deps: SessionStoreDeps) {
    this.send = deps.send ?? apiRequest;
    this.now = deps.now ?? Date.now;
    this.schedule = deps.schedule ?? defaultSchedule;
    this.exclusive = deps.exclusive ?? runDirectly;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  /**
   * Restores the session from the refresh cookie, once per page load however
   * often it is called (React StrictMode mounts effects twice).
   */
  restore(): Promise<void> {
    if (!this.restoring && this.deps.mayHaveSession?.() === false) {
      this.restoring = Promise.resolve();
      this.clear();
    }
    this.restoring ??= this.refresh().then(() => undefined);
    return this.restoring;
  }

  /** Starts the session a sign-up or login answered with. */
  signIn(tokens: TokenResponse): void {
    this.epoch += 1;
    this.restoring ??= Promise.resolve();
    this.apply(tokens);
  }

  /** Replaces the user after a profile edit (the token's claims catch up at the next refresh). */
  updateUser(user: UserProfile): void {
    if (this.snapshot.status !== 'signedIn') return;
    this.setSnapshot({ status: 'signedIn', user, endedByUser: false });
  }

  /** A new access token, or null when the session is over. Shared by concurrent callers. */
  refresh(): Promise<string | null> {
    this.inFlight ??= this.runRefresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /**
   * Ends the session here and on the server. Waits for a refresh in flight
   * first, so logout revokes the newest refresh token, not its predecessor.
   */
  async signOut(): Promise<void> {
    await this.inFlight;
    this.epoch += 1;
    try {
      await this.deps.logout();
    } finally {
      this.clear(SIGNED_OUT_BY_USER);
    }
  }

  /** Forgets the session without telling the server (it already ended it: account deleted). */
  forget(): void {
    this.epoch += 1;
    this.clear(SIGNED_OUT_BY_USER);
  }

  /**
   * An API call as the signed-in user. A 401 gets one refresh and one retry:
   * the token may have expired in transit or while the tab slept.
   */
  async request<S extends z.ZodType>(path: string, options: AuthorizedRequestOptions<S>): Promise<z.infer<S>> {
    const token = await this.usableToken();
    if (!token) throw new ApiError({ status: 401, title: 'Unauthorized', detail: 'Sign in to continue.' });
    try {
      return await this.send(path, { ...options, token });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      // Another request may have refreshed past this token already.
      const fresh = this.accessToken && this.accessToken !== token ? this.accessToken : await this.refresh();
      if (!fresh || fresh === token) throw error;
      return this.send(path, { ...options, token: fresh });
    }
  }

  /**
   * A valid access token (refreshed first when about to expire), for the
   * WebSocket connections that carry it in a subprotocol; null when signed out.
   */
  currentAccessToken(): Promise<string | null> {
    return this.usableToken();
  }

  private async usableToken(): Promise<string | null> {
    if (this.snapshot.status === 'loading') await this.restore();
    if (this.accessToken && this.now() >= this.expiresAt - EXPIRY_SKEW_MS) return this.refresh();
    return this.accessToken;
  }

  private async runRefresh(): Promise<string | null> {
    const epoch = this.epoch;
    try {
      const tokens = await this.exclusive(() => this.deps.refresh());
      if (epoch !== this.epoch) return this.accessToken;
      if (!tokens) {
        this.clear();
        return null;
      }
      this.apply(tokens);
      return tokens.accessToken;
    } catch (error) {
      if (epoch !== this.epoch) return this.accessToken;
      const sessionOver = !(error instanceof ApiError) || error.status === 401 || error.status === 403;
      // An outage or a rate limit says nothing about the session: keep it while its token lasts.
      if (!sessionOver && this.accessToken && this.now() < this.expiresAt) {
        this.scheduleRefresh(retryDelayMs(error));
        return this.accessToken;
      }
      this.clear();
      return null;
    }
  }

  private apply(tokens: TokenResponse): void {
    this.accessToken = tokens.accessToken;
    this.expiresAt = this.now() + tokens.expiresIn * 1000;
    this.scheduleRefresh(refreshDelayMs(tokens.expiresIn));
    this.setSnapshot({ status: 'signedIn', user: tokens.user, endedByUser: false });
  }

  private clear(signedOut = SIGNED_OUT): void {
    this.accessToken = null;
    this.expiresAt = 0;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.setSnapshot(signedOut);
  }

  private scheduleRefresh(delayMs: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      void this.refresh();
    }, delayMs);
  }

  private setSnapshot(next: SessionSnapshot): void {
    if (next === this.snapshot) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
