'use client';

import type { RoomFeedback, RoomView } from '@peerprep/contracts';
import { fetchFeedbackRoom, fetchRoomFeedback } from '../../lib/feedback/feedback-api';
import { useAuth } from '../auth/auth-provider';
import { useApiResource } from '../questions/use-api-resource';

export interface RoomFeedbackState {
  room: RoomView;
  /** Null for pair practice, which has no feedback (the route answers 404 there). */
  feedback: RoomFeedback | null;
}

/** The room (partner's name, open or closed, mode) and, for a mock interview, its feedback. */
export function useRoomFeedback(roomId: string) {
  const { request } = useAuth();
  return useApiResource<RoomFeedbackState>(`room-feedback:${roomId}`, async (signal) => {
    const room = await fetchFeedbackRoom(request, roomId, signal);
    const feedback = room.mode === 'interview' ? await fetchRoomFeedback(request, roomId, signal) : null;
    return { room, feedback };
  });
}
