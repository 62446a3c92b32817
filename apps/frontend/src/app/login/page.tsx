import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageLoading } from '../../components/auth/page-status';
import { LoginForm } from '../../components/account/login-form';

export const metadata: Metadata = { title: 'Log in' };

export default function LoginPage() {
  return (
    // `?next=` is read on the client, so the page is prerendered without it.
    <Suspense fallback={<PageLoading label="Loading…" />}>
      <LoginForm />
    </Suspense>
  );
}
