'use client';

import { buttonClass } from '../ui/button';
import { IntentLink } from '../intent-link';
import { StaticIcon } from '../ui/static-icon';
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
          <IntentLink href="/profile" className={buttonClass()}>
            <StaticIcon name="arrowBack" size="small" className="-ml-1" />
            Back to your profile
          </IntentLink>
        </div>
      </RequireAuth>
    </AccountPage>
  );
}
