import type { Metadata } from 'next';
import { QuestionsAdminView } from '../../../components/questions/admin/questions-admin-view';

export const metadata: Metadata = { title: 'Manage questions' };

export default function AdminQuestionsPage() {
  return <QuestionsAdminView />;
}
