import type { Metadata } from 'next';
import { SignupForm } from '../../components/account/signup-form';

export const metadata: Metadata = { title: 'Sign up' };

export default function SignupPage() {
  return <SignupForm />;
}
