import {
  chatMessageSchema,
  languageSchema,
  questionRefSchema,
  roomQuestionSchema,
  type AttemptDetail,
  type AttemptSummary,
  type RoomView,
} from '@peerprep/contracts';
import { z } from 'zod';
import type { Attempt } from '../generated/prisma/client';
import type { RoomWithParticipants } from './rooms.repository';

// Stored JSON is this service's own, but it is parsed on the way out so a
// shape drift fails loudly here instead of in a browser.
const storedChatSchema = z.array(chatMessageSchema);

export function toRoomView(room: RoomWithParticipants): RoomView {
  return {
    id: room.id,
    matchId: room.matchId,
    question: roomQuestionSchema.parse(room.question),
    participants: room.participants.map((participant) => ({ id: participant.userId, displayName: participant.displayName })),
    language: languageSchema.parse(room.language),
    status: room.status,
    createdAt: room.createdAt.toISOString(),
    closedAt: room.closedAt?.toISOString() ?? null,
    closedBy: room.closedBy,
  };
}

export function toAttemptSummary(attempt: Attempt): AttemptSummary {
  return {
    id: attempt.id,
    roomId: attempt.roomId,
    question: questionRefSchema.parse(attempt.question),
    partner: { id: attempt.partnerId, displayName: attempt.partnerName },
    language: languageSchema.parse(attempt.language),
    startedAt: attempt.startedAt.toISOString(),
    endedAt: attempt.endedAt.toISOString(),
    durationSeconds: attempt.durationSeconds,
  };
}

export function toAttemptDetail(attempt: Attempt): AttemptDetail {
  return { ...toAttemptSummary(attempt), finalCode: attempt.finalCode, chat: storedChatSchema.parse(attempt.chat) };
}
