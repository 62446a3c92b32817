'use client';

import { useAuth } from '../auth/auth-provider';

type TokenSource = (options?: { fresh?: boolean }) => Promise<string | null>;

/** Where the live status socket gets its access token: the session, refreshed when about to expire. */
export function useAccessTokenSource(): TokenSource {
  return useAuth().accessToken;
}
