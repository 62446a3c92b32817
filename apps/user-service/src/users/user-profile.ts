import type { UserProfile } from '@peerprep/contracts';
import type { UserSummary } from './users.repository';

/** The wire form of a user: what userProfileSchema describes, never the password hash. */
export function toUserProfile(user: UserSummary): UserProfile {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
