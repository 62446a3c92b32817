'use client';

import Button from '@mui/material/Button';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { RequireAuth } from '../auth/require-auth';
import { AccountPage } from './account-page';
import { ChangePasswordForm } from './change-password-form';

export function PasswordView() {
  return (
    // The frame renders on the server, outside the session check (see ProfileView).
    <AccountPage title="Change password" intro="Enter your current password, then the new one twice.">
      <RequireAuth>
        <ChangePasswordForm />
        <div>
          <Button href="/profile" startIcon={<ArrowBack />}>
            Back to your profile
          </Button>
        </div>
      </RequireAuth>
    </AccountPage>
  );
}
