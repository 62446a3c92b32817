import {
  chatMessageSchema,
  languageSchema,
  questionRefSchema,
  roomQuestionSchema,
  sessionLengthSchema,
  sessionModeSchema,
  type AttemptDetail,
  type AttemptSummary,
  type RoomView,
  type RunSummary,
  type RunView,
} from '@peerprep/contracts';
import { z } from 'zod';
import type { Attempt } from '../generated/prisma/client';
import { runSummaryOf } from '../runs/run-views';
import { savedRoundSchema, type RoomWithParticipants } from './rooms.repository';

// Stored JSON is this service's own, but it is parsed on the way out so a
// shape drift fails loudly here instead of in a browser.
const storedChatSchema = z.array(chatMessageSchema);
const storedRoundsSchema = z.array(savedRoundSchema).nullable();

/**
 * The room as its participants see it. A mock interview's second question
 * is shown once round two started (`secondRoundStarted`), null before: round
 * one's interviewer is round two's candidate.
 */
export function toRoomView(room: RoomWithParticipants, secondRoundStarted = false): RoomView {
  const interview = room.mode === 'interview' && room.question2 !== null;
  return {
    id: room.id,
    matchId: room.matchId,
    question: roomQuestionSchema.parse(room.question),
    participants: room.participants.map((participant) => ({ id: participant.userId, displayName: participant.displayName })),
    language: languageSchema.parse(room.language),
    mode: sessionModeSchema.parse(room.mode),
    minutes: sessionLengthSchema.parse(room.minutes),
    status: room.status,
    createdAt: room.createdAt.toISOString(),
    closedAt: room.closedAt?.toISOString() ?? null,
    closedBy: room.closedBy,
    ...(interview ? { secondQuestion: secondRoundStarted ? roomQuestionSchema.parse(room.question2) : null } : {}),
  };
}

export function toAttemptSummary(attempt: Attempt, lastSubmission: RunSummary | null): AttemptSummary {
  return {
    id: attempt.id,
    roomId: attempt.roomId,
    question: questionRefSchema.parse(attempt.question),
    partner: { id: attempt.partnerId, displayName: attempt.partnerName },
    language: languageSchema.parse(attempt.language),
    startedAt: attempt.startedAt.toISOString(),
    endedAt: attempt.endedAt.toISOString(),
    durationSeconds: attempt.durationSeconds,
    lastSubmission,
    mode: sessionModeSchema.parse(attempt.mode),
  };
}

/**
 * The attempt with its final code, chat and the room's runs (newest first;
 * the last submission is the first submit among them), and a mock
 * interview's rounds.
 */
export function toAttemptDetail(attempt: Attempt, runs: RunView[]): AttemptDetail {
  const lastSubmit = runs.find((run) => run.kind === 'submit');
  return {
    ...toAttemptSummary(attempt, lastSubmit ? runSummaryOf(lastSubmit) : null),
    finalCode: attempt.finalCode,
    chat: storedChatSchema.parse(attempt.chat),
    runs,
    // A mock interview's rounds, each with the runs made in it.
    ...(attempt.rounds === null
      ? {}
      : { rounds: (storedRoundsSchema.parse(attempt.rounds) ?? []).map((round) => ({ ...round, runs: runs.filter((run) => run.round === round.index) })) }),
  };
}
