'use client';

import type { LoginRequest, SignupRequest, UserProfile } from '@peerprep/contracts';
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { lazyAuthApi as authApi, lazyBrowserSessionDeps as browserSessionDeps } from '../../lib/auth/lazy-auth-api';
import { serverSessionSnapshot, SessionStore, type SessionSnapshot } from '../../lib/auth/session-store';

export interface AuthContextValue extends SessionSnapshot {
  signUp(body: SignupRequest): Promise<void>;
  logIn(body: LoginRequest): Promise<void>;
  logOut(): Promise<void>;
  /** After a profile edit: shows the new profile now, refreshes the token's claims soon. */
  updateUser(user: UserProfile): void;
  /** Ends the session locally when the server already did (account deleted). */
  forget(): void;
  /** `apiRequest` as the signed-in user (token attached, one refresh and retry on a 401). */
  request: SessionStore['request'];
  /**
   * A valid access token for WebSocket connections (refreshed when about to
   * expire, or at once with `fresh`: the server revoked the one held), or null.
   */
  accessToken(options?: { fresh?: boolean }): Promise<string | null>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/**
 * One store per browser tab, outside React: StrictMode's double mount and any
 * remount of the provider must not start a second refresh, because presenting
 * a rotated refresh token twice revokes the whole session family.
 */
let browserStore: SessionStore | null = null;

function sessionStore(): SessionStore {
  // A server render gets a throwaway store that never fetches (effects do not run there).
  if (typeof window === 'undefined') return new SessionStore(browserSessionDeps);
  browserStore ??= new SessionStore(browserSessionDeps);
  return browserStore;
}

// In the browser the restore starts as soon as this module loads, while the
// page hydrates, rather than from the effect below once the whole tree has
// committed: every signed-in page waits for it before showing anything of its own.
if (typeof window !== 'undefined') void sessionStore().restore();

export function AuthProvider({ children }: { children: ReactNode }) {
  const [store] = useState(sessionStore);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, serverSessionSnapshot);

  useEffect(() => {
    void store.restore();
  }, [store]);

  const value = useMemo<AuthContextValue>(
    () => ({
      ...snapshot,
      signUp: async (body) => store.signIn(await authApi.signUp(body)),
      logIn: async (body) => store.signIn(await authApi.logIn(body)),
      logOut: () => store.signOut(),
      updateUser: (user) => {
        store.updateUser(user);
        // The access token carries username and display name for other services.
        void store.refresh();
      },
      forget: () => store.forget(),
      request: (path, options) => store.request(path, options),
      accessToken: (options) => (options?.fresh ? store.refresh() : store.currentAccessToken()),
    }),
    [snapshot, store],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
