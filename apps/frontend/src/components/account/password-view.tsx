'use client';

import Button from '@mui/material/Button';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { RequireAuth } from '../auth/require-auth';
import { AccountPage } from './account-page';
import { ChangePasswordForm } from './change-password-form';

export function PasswordView() {
  return (
    <RequireAuth>
      <AccountPage title="Change password" intro="Enter your current password, then the new one twice.">
        <ChangePasswordForm />
        <div>
          <Button href="/profile" startIcon={<ArrowBack />}>
            Back to your profile
          </Button>
        </div>
      </AccountPage>
    </RequireAuth>
  );
}
