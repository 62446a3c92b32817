import type { LoginRequest, SignupRequest, TokenResponse } from '@peerprep/contracts';
import { SESSION_HINT_COOKIE_NAME } from '@peerprep/contracts/cookies';
import type { SessionStoreDeps } from './session-store';

/**
 * auth-api, loaded on first use. Its calls validate answers with the
 * contracts' schemas, and with them comes zod: the largest module graph in
 * the app and the slowest to instantiate. The session provider sits in the
 * root layout, so importing auth-api there put all of it on the critical path
 * of every page; this way it arrives with the session restore, after the page
 * is on screen, or with the first login.
 */
const loadAuthApi = () => import('./auth-api');

export const lazyAuthApi = {
  signUp: async (body: SignupRequest): Promise<TokenResponse> => (await loadAuthApi()).authApi.signUp(body),
  logIn: async (body: LoginRequest): Promise<TokenResponse> => (await loadAuthApi()).authApi.logIn(body),
};

/** The session hint the API sets and clears with the refresh cookie (which the page cannot read). */
export function hasSessionHint(cookies: string): boolean {
  return cookies.split(';').some((pair) => pair.trim().startsWith(`${SESSION_HINT_COOKIE_NAME}=`));
}

export const lazyBrowserSessionDeps: SessionStoreDeps = {
  // No hint, no session: a visitor's page never loads auth-api (nor zod) at all.
  mayHaveSession: () => hasSessionHint(document.cookie),
  refresh: async () => (await loadAuthApi()).browserSessionDeps.refresh(),
  logout: async () => (await loadAuthApi()).browserSessionDeps.logout(),
  exclusive: async (task) => (await loadAuthApi()).browserSessionDeps.exclusive(task),
};
