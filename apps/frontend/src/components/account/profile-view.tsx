'use client';

import { buttonClass } from '../ui/button';
import { IntentLink } from '../intent-link';
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
        <span className="flex size-14 shrink-0 items-center justify-center rounded-full bg-primary text-xl text-primary-contrast" aria-hidden="true">
          {initialOf(user.displayName)}
        </span>
        <div className="min-w-0 flex-1">
          <Text className="truncate text-lg font-semibold">{user.displayName}</Text>
          <Text variant="body2" className="truncate text-muted">
            @{user.username} · member since {memberSince}
          </Text>
        </div>
        {user.role === 'ADMIN' ? (
          <span className="inline-flex h-6 items-center rounded-full bg-primary px-2 text-[0.8125rem] text-primary-contrast">Admin</span>
        ) : null}
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
        <IntentLink href="/profile/password" className={`${buttonClass({ variant: 'outlined' })} mt-4`}>
          Change password
        </IntentLink>
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
