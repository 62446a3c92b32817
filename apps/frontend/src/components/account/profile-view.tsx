'use client';

import Avatar from '@mui/material/Avatar';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { useAuth } from '../auth/auth-provider';
import { RequireAuth } from '../auth/require-auth';
import { initialOf } from '../user-initial';
import { AccountPage } from './account-page';
import { FeedbackSummarySection } from '../feedback/feedback-summary-section';
import { DeleteAccountSection } from './delete-account-section';
import { ProfileForm } from './profile-form';

function ProfileContent() {
  const { user } = useAuth();
  if (!user) return null;
  const memberSince = new Date(user.createdAt).toLocaleDateString(undefined, { dateStyle: 'long' });
  return (
    <>
      <Surface as="section" aria-label="Signed in as" className="flex items-center gap-4 rounded-2xl p-6">
        <Avatar className="h-14 w-14 bg-primary text-xl text-primary-contrast" aria-hidden="true">
          {initialOf(user.displayName)}
        </Avatar>
        <div className="min-w-0 flex-1">
          <Text className="truncate text-lg font-semibold">{user.displayName}</Text>
          <Text variant="body2" className="truncate text-muted">
            @{user.username} · member since {memberSince}
          </Text>
        </div>
        {user.role === 'ADMIN' ? <Chip label="Admin" color="primary" size="small" /> : null}
      </Surface>
      <ProfileForm key={user.id} user={user} />
      <FeedbackSummarySection />
      <Surface as="section" aria-labelledby="password-heading" className="rounded-2xl p-6">
        <Text id="password-heading" variant="h2" className="text-xl">
          Password
        </Text>
        <Text as="p" variant="body2" className="mt-1 text-muted">
          Changing it signs out every other device.
        </Text>
        <Button href="/profile/password" variant="outlined" className="mt-4">
          Change password
        </Button>
      </Surface>
      <DeleteAccountSection />
    </>
  );
}

export function ProfileView() {
  // The frame renders on the server, outside the session check: the heading is
  // on screen with the first paint instead of after the session is restored.
  return (
    <AccountPage title="Your profile" intro="Manage how you appear to peers and how you sign in.">
      <RequireAuth>
        <ProfileContent />
      </RequireAuth>
    </AccountPage>
  );
}
