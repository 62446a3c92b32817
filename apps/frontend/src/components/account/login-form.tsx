'use client';

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

const FIELDS = ['identifier', 'password'] as const;
/** One sentence whatever was wrong: the server does not say either (no account enumeration). */
const BAD_CREDENTIALS = 'That username or email and password do not match an account.';

export function LoginForm() {
  const { status, logIn } = useAuth();
  const form = useFormSubmission({ fields: FIELDS, unauthorizedMessage: BAD_CREDENTIALS });
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { loginRequestSchema } = await loadContracts('auth');
    const { data, failure } = validateWith(loginRequestSchema, { identifier, password }, FIELDS);
    if (failure) return form.showFailure(failure);
    await form.submit(() => logIn(data));
  }

  return (
    <AuthCard
      title="Log in"
      subtitle="Welcome back. Pick up where you left off."
      footer={
        <>
          New to PeerPrep?{' '}
          <Suspense fallback={<AuthLink href="/signup">Create an account</AuthLink>}>
            <AuthSwitchLink to="/signup">Create an account</AuthSwitchLink>
          </Suspense>
        </>
      }
    >
      {/* Signed in (just now, or already when the page opened): go where the visitor was headed. */}
      <Suspense fallback={null}>
        <GoOnWhenSignedIn signedIn={status === 'signedIn'} />
      </Suspense>
      <form noValidate onSubmit={onSubmit} aria-label="Log in" className="flex flex-col gap-4">
        <FormAlert message={form.message} />
        <TextInput
          label="Username or email"
          name="identifier"
          autoComplete="username"
          autoFocus
          required
          value={identifier}
          onChange={(event) => {
            setIdentifier(event.target.value);
            form.clearFieldError('identifier');
          }}
          error={Boolean(form.fieldErrors.identifier)}
          helperText={form.fieldErrors.identifier}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            form.clearFieldError('password');
          }}
          error={Boolean(form.fieldErrors.password)}
          helperText={form.fieldErrors.password}
        />
        <Button type="submit" variant="contained" size="large" disabled={form.pending || status === 'signedIn'}>
          {form.pending ? 'Logging in…' : 'Log in'}
        </Button>
      </form>
    </AuthCard>
  );
}
