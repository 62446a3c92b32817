'use client';

import { PASSWORD_MIN_LENGTH, signupRequestSchema } from '@peerprep/contracts';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { Route } from 'next';
import { IntentLink } from '../intent-link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { safeNextPath } from '../../lib/auth/next-path';
import { validateWith } from '../../lib/form-errors';
import { useAuth } from '../auth/auth-provider';
import { FormAlert } from '../forms/form-alert';
import { PasswordField } from '../forms/password-field';
import { useFormSubmission } from '../forms/use-form-submission';
import { AuthCard } from './auth-card';

const FIELDS = ['username', 'email', 'displayName', 'password'] as const;

export function SignupForm() {
  const { status, signUp } = useAuth();
  const router = useRouter();
  const rawNext = useSearchParams().get('next');
  const next = safeNextPath(rawNext);
  const form = useFormSubmission({ fields: FIELDS });
  const [values, setValues] = useState({ username: '', email: '', displayName: '', password: '' });

  useEffect(() => {
    if (status === 'signedIn') router.replace(next);
  }, [status, next, router]);

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
    const { data, failure } = validateWith(signupRequestSchema, body, FIELDS);
    if (failure) return form.showFailure(failure);
    await form.submit(() => signUp(data));
  }

  const loginHref = rawNext ? `/login?next=${encodeURIComponent(next)}` : '/login';

  return (
    <AuthCard
      title="Create your account"
      subtitle="Practise interviews live with a peer. It takes a minute."
      footer={
        <>
          Already have an account?{' '}
          <IntentLink href={loginHref as Route} className="font-semibold text-primary">
            Log in
          </IntentLink>
        </>
      }
    >
      <form noValidate onSubmit={onSubmit} aria-label="Sign up" className="flex flex-col gap-4">
        <FormAlert message={form.message} />
        <TextField
          {...field('username')}
          label="Username"
          autoComplete="username"
          autoFocus
          required
          helperText={form.fieldErrors.username ?? '3–20 letters, digits or underscores'}
        />
        <TextField
          {...field('email')}
          label="Email"
          type="email"
          autoComplete="email"
          required
          helperText={form.fieldErrors.email}
        />
        <TextField
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
