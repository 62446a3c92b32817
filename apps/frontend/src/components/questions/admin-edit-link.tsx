'use client';

import Button from '@mui/material/Button';
import Edit from '@mui/icons-material/Edit';
import type { Route } from 'next';
import { IntentLink } from '../intent-link';
import { useAuth } from '../auth/auth-provider';

/**
 * An "Edit" shortcut on the question page, for admins only (the API checks the
 * role again on save). The server page passes the href, so this client module
 * does not import the question filters (and through them the contracts and zod).
 */
export function AdminEditLink({ href }: { href: Route }) {
  const { user } = useAuth();
  if (user?.role !== 'ADMIN') return null;
  return (
    <Button component={IntentLink} href={href} variant="outlined" size="small" startIcon={<Edit />}>
      Edit
    </Button>
  );
}
