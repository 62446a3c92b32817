import type { UserProfile } from '@peerprep/contracts';
import { changedProfileFields, validatePasswordChange } from './account-forms';

const user: UserProfile = {
  id: '0190f7a2-3b4c-7d8e-9f01-23456789abcd',
  username: 'ann',
  email: 'ann@example.com',
  displayName: 'Ann',
  role: 'USER',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('changedProfileFields', () => {
  it('sends only the fields that differ from the saved profile', () => {
    expect(changedProfileFields(user, { username: 'ann', email: 'ann@example.com', displayName: 'Annie' })).toEqual({
      displayName: 'Annie',
    });
  });

  it('treats surrounding spaces as no change', () => {
    expect(changedProfileFields(user, { username: 'ann', email: 'ann@example.com', displayName: ' Ann ' })).toEqual({});
  });
});

describe('validatePasswordChange', () => {
  it('accepts a new password that is long enough, differs and is confirmed', async () => {
    await expect(
      validatePasswordChange({ currentPassword: 'old secret', newPassword: 'new secret!', confirmPassword: 'new secret!' }),
    ).resolves.toEqual({ data: { currentPassword: 'old secret', newPassword: 'new secret!' }, failure: null });
  });

  it('puts a mismatch on the confirmation field, next to the contract rules', async () => {
    const { failure } = await validatePasswordChange({ currentPassword: '', newPassword: 'short', confirmPassword: 'other' });
    expect(failure?.fieldErrors).toEqual({
      currentPassword: 'Password is required',
      newPassword: 'Password must be at least 8 characters',
      confirmPassword: 'The passwords do not match',
    });
  });

  it('refuses a new password equal to the current one, beside the new password', async () => {
    const { failure } = await validatePasswordChange({
      currentPassword: 'same secret',
      newPassword: 'same secret',
      confirmPassword: 'same secret',
    });
    expect(failure?.fieldErrors.newPassword).toBe('The new password must differ from the current one');
  });
});
