import { randomUUID } from 'node:crypto';
import { roomQuestionSchema } from '@peerprep/contracts';
import { initialDocumentUpdate } from '../src/documents/room-document';
import type { InterviewSetup } from '../src/interview/interview-rounds.repository';
import type { RoomsRepository } from '../src/rooms/rooms.repository';
import { testQuestion } from './collab-harness';

/** An open room of two fresh users, and the interview setup the room flow will derive from it. */
export async function openInterviewRoom(rooms: RoomsRepository, roundMs: number): Promise<{ roomId: string; setup: InterviewSetup }> {
  const participants: [string, string] = [randomUUID(), randomUUID()];
  const room = await rooms.create({
    matchId: randomUUID(),
    question: roomQuestionSchema.parse(testQuestion()),
    language: 'python',
    // The tests give the rounds their own length (roundMs); the room states a mode and length as every room does.
    mode: 'interview',
    minutes: 30,
    participants: participants.map((userId, i) => ({ userId, displayName: `Peer ${i + 1}` })),
    initialDocument: initialDocumentUpdate('python', 'pass\n'),
  });
  return { roomId: room.id, setup: { participants, questionIds: [room.questionId, randomUUID()], roundMs } };
}
