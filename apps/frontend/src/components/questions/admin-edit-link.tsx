'use client';

import Button from '@mui/material/Button';
import Edit from '@mui/icons-material/Edit';
import { IntentLink } from '../intent-link';
import { editQuestionHref } from '../../lib/questions/filters';
import { useAuth } from '../auth/auth-provider';

/** An "Edit" shortcut on the question page, for admins only (the API checks the role again on save). */
export function AdminEditLink({ slug }: { slug: string }) {
  const { user } = useAuth();
  if (user?.role !== 'ADMIN') return null;
  return (
    <Button component={IntentLink} href={editQuestionHref(slug)} variant="outlined" size="small" startIcon={<Edit />}>
      Edit
    </Button>
  );
}
