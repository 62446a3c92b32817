'use client';

import { PASSWORD_MIN_LENGTH } from '@peerprep/contracts/constants';
import { Button } from '../ui/button';
import { Surface } from '../ui/surface';
import { useState, type FormEvent } from 'react';
import { PASSWORD_FIELDS, validatePasswordChange, type PasswordChangeField } from '../../lib/account-forms';
import { noContent } from '../../lib/contracts';
import { useAuth } from '../auth/auth-provider';
import { FormAlert } from '../forms/form-alert';
import { PasswordField } from '../forms/password-field';
import { useFormSubmission } from '../forms/use-form-submission';

const EMPTY: Record<PasswordChangeField, string> = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const { request } = useAuth();
  const form = useFormSubmission({ fields: PASSWORD_FIELDS });
  const [values, setValues] = useState(EMPTY);
  const [saved, setSaved] = useState(false);

  function field(name: PasswordChangeField) {
    return {
      name,
      value: values[name],
      onChange: (event: { target: { value: string } }) => {
        setValues((current) => ({ ...current, [name]: event.target.value }));
        setSaved(false);
        form.clearFieldError(name);
      },
      error: Boolean(form.fieldErrors[name]),
      required: true,
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const { data, failure } = await validatePasswordChange(values);
    if (failure) return form.showFailure(failure);
    const ok = await form.submit(() => request('/users/me/password', { method: 'POST', body: data, schema: noContent }));
    if (ok) setValues(EMPTY);
    setSaved(ok);
  }

  return (
    <Surface as="section" aria-label="Change password" className="rounded-2xl p-6">
      <form noValidate onSubmit={onSubmit} aria-label="Change password" className="flex flex-col gap-4">
        <FormAlert message={form.message} />
        <FormAlert
          message={saved ? 'Your password was changed. Every other device has been signed out.' : null}
          severity="success"
        />
        <PasswordField
          {...field('currentPassword')}
          label="Current password"
          autoComplete="current-password"
          helperText={form.fieldErrors.currentPassword}
        />
        <PasswordField
          {...field('newPassword')}
          label="New password"
          autoComplete="new-password"
          helperText={form.fieldErrors.newPassword ?? `At least ${PASSWORD_MIN_LENGTH} characters`}
        />
        <PasswordField
          {...field('confirmPassword')}
          label="Confirm new password"
          autoComplete="new-password"
          helperText={form.fieldErrors.confirmPassword}
        />
        <div className="flex justify-end">
          <Button type="submit" variant="contained" disabled={form.pending}>
            {form.pending ? 'Changing…' : 'Change password'}
          </Button>
        </div>
      </form>
    </Surface>
  );
}
