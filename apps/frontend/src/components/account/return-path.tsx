'use client';

import type { Route } from 'next';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { safeNextPath } from '../../lib/auth/next-path';
import { IntentLink } from '../intent-link';

// The login and sign-up pages are prerendered: the `?next=` return path exists
// only per request. Only these two small parts read it, each inside its own
// <Suspense>, so the form itself is in the page's HTML and on screen with the
// first paint instead of waiting for the page's JavaScript.

/** Sends a visitor who is (or just became) signed in on to `?next=`, or home. */
export function GoOnWhenSignedIn({ signedIn }: { signedIn: boolean }) {
  const router = useRouter();
  const next = safeNextPath(useSearchParams().get('next'));
  useEffect(() => {
    if (signedIn) router.replace(next);
  }, [signedIn, next, router]);
  return null;
}

/** A link to the other auth page (`/login` ⇄ `/signup`) that keeps `?next=`. */
export function AuthSwitchLink({ to, children }: { to: '/login' | '/signup'; children: ReactNode }) {
  const rawNext = useSearchParams().get('next');
  const href = rawNext ? `${to}?next=${encodeURIComponent(safeNextPath(rawNext))}` : to;
  return <AuthLink href={href as Route}>{children}</AuthLink>;
}

/** The switch link as prerendered (no `?next=` yet). */
export function AuthLink({ href, children }: { href: Route; children: ReactNode }) {
  return (
    <IntentLink href={href} className="font-semibold text-primary">
      {children}
    </IntentLink>
  );
}
