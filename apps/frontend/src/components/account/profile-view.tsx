'use client';

import Avatar from '@mui/material/Avatar';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
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
      <Paper variant="outlined" component="section" aria-label="Signed in as" className="flex items-center gap-4 rounded-2xl p-6">
        <Avatar className="h-14 w-14 bg-primary text-xl text-primary-contrast" aria-hidden="true">
          {initialOf(user.displayName)}
        </Avatar>
        <div className="min-w-0 flex-1">
          <Typography className="truncate text-lg font-semibold">{user.displayName}</Typography>
          <Typography variant="body2" className="truncate text-muted">
            @{user.username} · member since {memberSince}
          </Typography>
        </div>
        {user.role === 'ADMIN' ? <Chip label="Admin" color="primary" size="small" /> : null}
      </Paper>
      <ProfileForm key={user.id} user={user} />
      <FeedbackSummarySection />
      <Paper variant="outlined" component="section" aria-labelledby="password-heading" className="rounded-2xl p-6">
        <Typography id="password-heading" variant="h2" className="text-xl">
          Password
        </Typography>
        <Typography component="p" variant="body2" className="mt-1 text-muted">
          Changing it signs out every other device.
        </Typography>
        <Button href="/profile/password" variant="outlined" className="mt-4">
          Change password
        </Button>
      </Paper>
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
