import type { ChangePasswordRequest, UpdateProfileRequest, UserProfile } from '@peerprep/contracts';
import { loadContracts } from './contracts';
import { validateWith, type FormFailure } from './form-errors';

export const PROFILE_FIELDS = ['username', 'email', 'displayName'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Only what changed is sent, so an untouched username can never collide (409) with itself. */
export function changedProfileFields(user: UserProfile, values: Record<ProfileField, string>): UpdateProfileRequest {
  const changes: UpdateProfileRequest = {};
  for (const name of PROFILE_FIELDS) {
    if (values[name].trim() !== user[name]) changes[name] = values[name];
  }
  return changes;
}

export const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
export type PasswordChangeField = (typeof PASSWORD_FIELDS)[number];

/** The contract's rules, plus the confirmation that only the form knows about. */
export async function validatePasswordChange(
  values: Record<PasswordChangeField, string>,
): Promise<{ data: ChangePasswordRequest; failure: null } | { data: null; failure: FormFailure }> {
  const { changePasswordRequestSchema } = await loadContracts('users');
  const { currentPassword, newPassword, confirmPassword } = values;
  const result = validateWith(changePasswordRequestSchema, { currentPassword, newPassword }, PASSWORD_FIELDS);
  if (confirmPassword === newPassword) return result;
  const failure = result.failure ?? { fieldErrors: {}, message: null };
  return {
    data: null,
    failure: { ...failure, fieldErrors: { ...failure.fieldErrors, confirmPassword: 'The passwords do not match' } },
  };
}
