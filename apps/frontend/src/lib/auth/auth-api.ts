import type { LoginRequest, SignupRequest, TokenResponse } from '@peerprep/contracts';
import { SESSION_HINT_COOKIE_NAME } from '@peerprep/contracts/cookies';
import { apiRequest } from '../api-client';
import { contract, noContent, optionalContract } from '../contracts';
import type { SessionStoreDeps } from './session-store';

/*
 * The anonymous auth calls; the refresh token travels only in its httpOnly
 * cookie. Their answers are checked with the contracts' schemas, which (with
 * zod, the slowest module graph of the app to instantiate) load on first use
 * and beside the request, not before it: the session provider sits in the
 * root layout, so a static import put all of zod on every page's critical
 * path, and loading it before asking delayed every signed-in page's restore
 * by the time zod takes to arrive.
 */

const tokenResponse = contract('session', 'tokenResponseSchema');

export const authApi = {
  signUp: (body: SignupRequest): Promise<TokenResponse> => apiRequest('/auth/signup', { method: 'POST', body, schema: tokenResponse }),
  logIn: (body: LoginRequest): Promise<TokenResponse> => apiRequest('/auth/login', { method: 'POST', body, schema: tokenResponse }),
  /** null: no refresh cookie, so no session (the API answers 204, not an error). */
  refresh: async (): Promise<TokenResponse | null> =>
    (await apiRequest('/auth/refresh', { method: 'POST', schema: optionalContract('session', 'tokenResponseSchema') })) ?? null,
  logOut: (): Promise<void> => apiRequest('/auth/logout', { method: 'POST', schema: noContent }),
};

/** The session hint the API sets and clears with the refresh cookie (which the page cannot read). */
export function hasSessionHint(cookies: string): boolean {
  return cookies.split(';').some((pair) => pair.trim().startsWith(`${SESSION_HINT_COOKIE_NAME}=`));
}

const REFRESH_LOCK = 'peerprep-auth-refresh';

/** Web Locks where the browser has them (all current ones); otherwise this tab alone. */
async function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return task();
  return await navigator.locks.request(REFRESH_LOCK, task);
}

export const browserSessionDeps: SessionStoreDeps = {
  // No hint, no session: a visitor's page never asks the API, nor loads zod, at all.
  mayHaveSession: () => hasSessionHint(document.cookie),
  refresh: authApi.refresh,
  logout: authApi.logOut,
  exclusive: acrossTabs,
};
