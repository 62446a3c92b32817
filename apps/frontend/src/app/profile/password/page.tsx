import type { Metadata } from 'next';
import { PasswordView } from '../../../components/account/password-view';

export const metadata: Metadata = { title: 'Change password' };

export default function ChangePasswordPage() {
  return <PasswordView />;
}
