import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageLoading } from '../../components/auth/page-status';
import { SignupForm } from '../../components/account/signup-form';

export const metadata: Metadata = { title: 'Sign up' };

export default function SignupPage() {
  return (
    <Suspense fallback={<PageLoading label="Loading…" />}>
      <SignupForm />
    </Suspense>
  );
}
