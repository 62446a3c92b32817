'use client';

import type { LoginRequest, SignupRequest, UserProfile } from '@peerprep/contracts';
import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { authApi, browserSessionDeps } from '../../lib/auth/auth-api';
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

/**
 * The session as the page renders it. What arrives by itself (the restore on
 * load, a refresh in the background) is applied as a transition: time-sliced,
 * and never forcing the part of the page still hydrating to finish in one
 * long task, which `useSyncExternalStore` did when the restore answered
 * during hydration (its updates are always synchronous). What the user does
 * (log in, sign up, log out, edit the profile, delete the account) is applied
 * at once (`showNow`), so the page they go to next already knows.
 */
function useSessionSnapshot(store: SessionStore): [SessionSnapshot, () => void] {
  const [snapshot, setSnapshot] = useState<SessionSnapshot>(serverSessionSnapshot);
  useEffect(() => {
    const show = () => startTransition(() => setSnapshot(store.getSnapshot()));
    show();
    return store.subscribe(show);
  }, [store]);
  const showNow = useCallback(() => flushSync(() => setSnapshot(store.getSnapshot())), [store]);
  return [snapshot, showNow];
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [store] = useState(sessionStore);
  const [snapshot, showNow] = useSessionSnapshot(store);

  useEffect(() => {
    void store.restore();
  }, [store]);

  // Each change the user makes is shown at once (showNow) once the store has it.
  const value = useMemo<AuthContextValue>(
    () => ({
      ...snapshot,
      signUp: async (body) => {
        store.signIn(await authApi.signUp(body));
        showNow();
      },
      logIn: async (body) => {
        store.signIn(await authApi.logIn(body));
        showNow();
      },
      logOut: () => store.signOut().finally(showNow),
      updateUser: (user) => {
        store.updateUser(user);
        showNow();
        // The access token carries username and display name for other services.
        void store.refresh();
      },
      forget: () => {
        store.forget();
        showNow();
      },
      request: (path, options) => store.request(path, options),
      accessToken: (options) => (options?.fresh ? store.refresh() : store.currentAccessToken()),
    }),
    [snapshot, showNow, store],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
