import type { Metadata } from 'next';
import { UsersAdminView } from '../../../components/admin/users-admin-view';

export const metadata: Metadata = { title: 'Manage users' };

export default function AdminUsersPage() {
  return <UsersAdminView />;
}
