'use client';

import { PASSWORD_MIN_LENGTH } from '@peerprep/contracts/constants';
import { Button } from '../ui/button';
import { TextInput } from '../forms/text-input';
import { Suspense, useState, type FormEvent } from 'react';
import { loadContracts } from '../../lib/contracts';
import { validateWith } from '../../lib/form-errors';
import { useAuth } from '../auth/auth-provider';
import { FormAlert } from '../forms/form-alert';
import { PasswordField } from '../forms/password-field';
import { useFormSubmission } from '../forms/use-form-submission';
import { AuthCard } from './auth-card';
import { AuthLink, AuthSwitchLink, GoOnWhenSignedIn } from './return-path';

const FIELDS = ['username', 'email', 'displayName', 'password'] as const;

export function SignupForm() {
  const { status, signUp } = useAuth();
  const form = useFormSubmission({ fields: FIELDS });
  const [values, setValues] = useState({ username: '', email: '', displayName: '', password: '' });

  function field(name: (typeof FIELDS)[number]) {
    return {
      name,
      value: values[name],
      onChange: (event: { target: { value: string } }) => {
        setValues((current) => ({ ...current, [name]: event.target.value }));
        form.clearFieldError(name);
      },
      error: Boolean(form.fieldErrors[name]),
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A blank display name means "use my username" (the server's default).
    const body = { ...values, displayName: values.displayName.trim() || undefined };
    const { signupRequestSchema } = await loadContracts('auth');
    const { data, failure } = validateWith(signupRequestSchema, body, FIELDS);
    if (failure) return form.showFailure(failure);
    await form.submit(() => signUp(data));
  }

  return (
    <AuthCard
      title="Create your account"
      subtitle="Practise interviews live with a peer. It takes a minute."
      footer={
        <>
          Already have an account?{' '}
          <Suspense fallback={<AuthLink href="/login">Log in</AuthLink>}>
            <AuthSwitchLink to="/login">Log in</AuthSwitchLink>
          </Suspense>
        </>
      }
    >
      <Suspense fallback={null}>
        <GoOnWhenSignedIn signedIn={status === 'signedIn'} />
      </Suspense>
      <form noValidate onSubmit={onSubmit} aria-label="Sign up" className="flex flex-col gap-4">
        <FormAlert message={form.message} />
        <TextInput
          {...field('username')}
          label="Username"
          autoComplete="username"
          autoFocus
          required
          helperText={form.fieldErrors.username ?? '3–20 letters, digits or underscores'}
        />
        <TextInput
          {...field('email')}
          label="Email"
          type="email"
          autoComplete="email"
          required
          helperText={form.fieldErrors.email}
        />
        <TextInput
          {...field('displayName')}
          label="Display name"
          autoComplete="nickname"
          helperText={form.fieldErrors.displayName ?? 'Optional: what your peers see (your username otherwise)'}
        />
        <PasswordField
          {...field('password')}
          label="Password"
          autoComplete="new-password"
          required
          helperText={form.fieldErrors.password ?? `At least ${PASSWORD_MIN_LENGTH} characters; a passphrase is best`}
        />
        <Button type="submit" variant="contained" size="large" disabled={form.pending || status === 'signedIn'}>
          {form.pending ? 'Creating your account…' : 'Sign up'}
        </Button>
      </form>
    </AuthCard>
  );
}
