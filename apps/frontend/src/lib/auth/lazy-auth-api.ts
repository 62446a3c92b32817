import type { LoginRequest, SignupRequest, TokenResponse } from '@peerprep/contracts';
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

export const lazyBrowserSessionDeps: SessionStoreDeps = {
  refresh: async () => (await loadAuthApi()).browserSessionDeps.refresh(),
  logout: async () => (await loadAuthApi()).browserSessionDeps.logout(),
  exclusive: async (task) => (await loadAuthApi()).browserSessionDeps.exclusive(task),
};
