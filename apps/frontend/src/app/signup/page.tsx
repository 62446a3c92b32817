import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageLoading } from '../../components/auth/page-status';
import { SignupForm } from '../../components/account/signup-form';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignupPage({ searchParams }: PageProps<'/signup'>) {
  // `?next=` is read in the form: rendered per request, the first HTML is the
  // form itself, not a spinner (see the login page).
  await searchParams;
  return (
    <Suspense fallback={<PageLoading label="Loading…" />}>
      <SignupForm />
    </Suspense>
  );
}
