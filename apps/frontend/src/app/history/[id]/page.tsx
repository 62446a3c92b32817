import type { Metadata } from 'next';
import { AttemptView } from '../../../components/history/attempt-view';

export const metadata: Metadata = { title: 'Attempt' };

export default async function AttemptPage({ params }: PageProps<'/history/[id]'>) {
  const { id } = await params;
  return <AttemptView attemptId={id} />;
}
