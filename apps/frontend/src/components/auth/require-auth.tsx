'use client';

import type { Role } from '@peerprep/contracts';
import { buttonClass } from '../ui/button';
import { IntentLink } from '../intent-link';
import { Text } from '../ui/type';
import { useRouter } from 'next/navigation';
import { useDeferredValue, useEffect, type ReactNode } from 'react';
import { loginPathFor } from '../../lib/auth/next-path';
import { useAuth } from './auth-provider';
import { PageLoading, PageMessage } from './page-status';

/**
 * Shows `children` to a signed-in user (with `role`, when given). Signed out,
 * it sends the visitor to the login page, which brings them back here; after
 * the user logs out or deletes the account, it goes home instead.
 * This is only the UI: the API enforces the same rules on every call.
 */
export function RequireAuth({ children, role }: { children: ReactNode; role?: Role }) {
  const { status, user, endedByUser } = useAuth();
  const router = useRouter();
  // The page behind the check renders once the session is known: as a
  // deferred (interruptible, time-sliced) render, so a phone's main thread is
  // never blocked by the whole page at once. The redirect reads the live status.
  const shownUser = useDeferredValue(status === 'signedIn' ? user : null);

  useEffect(() => {
    if (status !== 'signedOut') return;
    const here = `${window.location.pathname}${window.location.search}`;
    router.replace(endedByUser ? '/' : loginPathFor(here));
  }, [status, endedByUser, router]);

  if (status === 'signedOut') return <PageLoading label="Redirecting to the login page…" />;
  if (status === 'loading' || !user || !shownUser) return <PageLoading label="Checking your session…" />;
  if (role && user.role !== role) {
    return (
      <PageMessage title="403 · Admins only">
        <Text as="p" className="text-muted">
          You are signed in as {user.username}, who does not have access to this page.
        </Text>
        <IntentLink href="/" className={buttonClass({ variant: 'outlined' })}>
          Back to the home page
        </IntentLink>
      </PageMessage>
    );
  }
  return children;
}
