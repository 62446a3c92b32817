import {
  tokenResponseSchema,
  type LoginRequest,
  type SignupRequest,
  type TokenResponse,
} from '@peerprep/contracts/auth';
import { z } from 'zod';
import { apiRequest } from '../api-client';

/** The anonymous auth calls; the refresh token travels only in its httpOnly cookie. */
export const authApi = {
  signUp: (body: SignupRequest): Promise<TokenResponse> =>
    apiRequest('/auth/signup', { method: 'POST', body, schema: tokenResponseSchema }),
  logIn: (body: LoginRequest): Promise<TokenResponse> =>
    apiRequest('/auth/login', { method: 'POST', body, schema: tokenResponseSchema }),
  /** null: no refresh cookie, so no session (the API answers 204, not an error). */
  refresh: async (): Promise<TokenResponse | null> =>
    (await apiRequest('/auth/refresh', { method: 'POST', schema: tokenResponseSchema.optional() })) ?? null,
  logOut: (): Promise<void> => apiRequest('/auth/logout', { method: 'POST', schema: z.void() }),
};

const REFRESH_LOCK = 'peerprep-auth-refresh';

/** Web Locks where the browser has them (all current ones); otherwise this tab alone. */
async function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return task();
  return await navigator.locks.request(REFRESH_LOCK, task);
}

export const browserSessionDeps = {
  refresh: authApi.refresh,
  logout: authApi.logOut,
  exclusive: acrossTabs,
};
