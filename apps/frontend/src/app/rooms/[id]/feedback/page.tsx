import type { Metadata } from 'next';
import { AccountPage } from '../../../../components/account/account-page';
import { RoomFeedbackView } from '../../../../components/feedback/room-feedback-view';
import { MuiScope } from '../../../../components/mui/mui-scope';

export const metadata: Metadata = { title: 'Feedback' };

export default async function RoomFeedbackPage({ params }: PageProps<'/rooms/[id]/feedback'>) {
  const { id } = await params;
  // The frame renders on the server, outside the session check: the heading is
  // in the first paint, the form and the feedback load under it.
  return (
    <AccountPage title="Feedback" intro="Rate your partner as a candidate on the question's rubric. What each of you gave shows to the other once both have rated, or a day after the session.">
      <MuiScope>
        <RoomFeedbackView roomId={id} />
      </MuiScope>
    </AccountPage>
  );
}
