import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageLoading } from '../../components/auth/page-status';
import { LoginForm } from '../../components/account/login-form';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  // The form reads `?next=` from the URL. Awaiting the query renders the page
  // per request, so its first HTML is the form itself rather than a spinner
  // replaced once the JavaScript has run.
  await searchParams;
  return (
    <Suspense fallback={<PageLoading label="Loading…" />}>
      <LoginForm />
    </Suspense>
  );
}
