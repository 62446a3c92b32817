import type { Metadata } from 'next';
import { AttemptView } from '../../../components/history/attempt-view';
import { MuiScope } from '../../../components/mui/mui-scope';

export const metadata: Metadata = { title: 'Attempt' };

export default async function AttemptPage({ params }: PageProps<'/history/[id]'>) {
  const { id } = await params;
  return (
    <MuiScope>
      <AttemptView attemptId={id} />
    </MuiScope>
  );
}
