'use client';

import type { UserProfile } from '@peerprep/contracts';
import { Button } from '../ui/button';
import { Surface } from '../ui/surface';
import { TextInput } from '../forms/text-input';
import { Text } from '../ui/type';
import { useState, type FormEvent } from 'react';
import { changedProfileFields, PROFILE_FIELDS, type ProfileField } from '../../lib/account-forms';
import { contract, loadContracts } from '../../lib/contracts';
import { validateWith } from '../../lib/form-errors';
import { useAuth } from '../auth/auth-provider';
import { FormAlert } from '../forms/form-alert';
import { useFormSubmission } from '../forms/use-form-submission';

export function ProfileForm({ user }: { user: UserProfile }) {
  const { request, updateUser } = useAuth();
  const form = useFormSubmission({ fields: PROFILE_FIELDS });
  const [values, setValues] = useState<Record<ProfileField, string>>({
    username: user.username,
    email: user.email,
    displayName: user.displayName,
  });
  const [saved, setSaved] = useState(false);
  const changes = changedProfileFields(user, values);
  const dirty = Object.keys(changes).length > 0;

  function field(name: ProfileField) {
    return {
      name,
      value: values[name],
      onChange: (event: { target: { value: string } }) => {
        setValues((current) => ({ ...current, [name]: event.target.value }));
        setSaved(false);
        form.clearFieldError(name);
      },
      error: Boolean(form.fieldErrors[name]),
      helperText: form.fieldErrors[name],
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const { updateProfileRequestSchema } = await loadContracts('users');
    const { data, failure } = validateWith(updateProfileRequestSchema, changes, PROFILE_FIELDS);
    if (failure) return form.showFailure(failure);
    const ok = await form.submit(async () => {
      const updated = await request('/users/me', { method: 'PATCH', body: data, schema: contract('users', 'userProfileSchema') });
      updateUser(updated);
      setValues({ username: updated.username, email: updated.email, displayName: updated.displayName });
    });
    setSaved(ok);
  }

  return (
    <Surface as="section" aria-labelledby="profile-details" className="rounded-2xl p-6">
      <Text id="profile-details" variant="h2" className="text-xl">
        Account details
      </Text>
      <Text as="p" variant="body2" className="mt-1 text-muted">
        Your display name is what peers see in a room.
      </Text>
      <form noValidate onSubmit={onSubmit} aria-label="Account details" className="mt-6 flex flex-col gap-4">
        <FormAlert message={form.message} />
        <FormAlert message={saved ? 'Your profile was saved.' : null} severity="success" />
        <TextInput {...field('displayName')} label="Display name" autoComplete="nickname" required />
        <TextInput {...field('username')} label="Username" autoComplete="username" required />
        <TextInput {...field('email')} label="Email" type="email" autoComplete="email" required />
        <div className="flex justify-end gap-3">
          <Button
            type="button"
            disabled={!dirty || form.pending}
            onClick={() => {
              setValues({ username: user.username, email: user.email, displayName: user.displayName });
              form.showFailure({ fieldErrors: {}, message: null });
            }}
          >
            Reset
          </Button>
          <Button type="submit" variant="contained" disabled={!dirty || form.pending}>
            {form.pending ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      </form>
    </Surface>
  );
}
