'use client';

import type { Route } from 'next';
import { IntentLink } from '../intent-link';
import { useAuth } from '../auth/auth-provider';
import { buttonClass } from '../ui/button';
import { StaticIcon } from '../ui/static-icon';

/**
 * An "Edit" shortcut on the question page, for admins only (the API checks the
 * role again on save). The server page passes the href, so this client module
 * does not import the question filters (and through them the contracts and zod).
 */
export function AdminEditLink({ href }: { href: Route }) {
  const { user } = useAuth();
  if (user?.role !== 'ADMIN') return null;
  return (
    <IntentLink href={href} className={buttonClass({ variant: 'outlined', size: 'small' })}>
      <StaticIcon name="edit" size="tiny" className="-ml-0.5" />
      Edit
    </IntentLink>
  );
}
