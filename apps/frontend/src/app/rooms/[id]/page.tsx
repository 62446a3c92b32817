import type { Metadata } from 'next';
import { RoomView } from '../../../components/rooms/room-view';
import { MuiScope } from '../../../components/mui/mui-scope';

export const metadata: Metadata = { title: 'Collaboration room' };

export default async function RoomPage({ params }: PageProps<'/rooms/[id]'>) {
  const { id } = await params;
  return (
    <MuiScope>
      <RoomView roomId={id} />
    </MuiScope>
  );
}
