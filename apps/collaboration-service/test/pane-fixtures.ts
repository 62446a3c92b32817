import { randomUUID } from 'node:crypto';
import { DEFAULT_RUBRIC, roomQuestionSchema, type InterviewerMaterial, type Rubric } from '@peerprep/contracts';
import { initialDocumentUpdate } from '../src/documents/room-document';
import { createInterviewRoundsRepository, type InterviewSetup } from '../src/interview/interview-rounds.repository';
import { createInterviewRounds, type InterviewRounds } from '../src/interview/interview-rounds.service';
import { createRoomsRepository } from '../src/rooms/rooms.repository';
import { testQuestion, type CollabHarness, type TestUser } from './collab-harness';
import { openInterviewRoom } from './interview-fixtures';

const ROUND_MS = 15 * 60_000;

/** A rubric whose criteria are not the default's, so a test sees which round's rubric was used. */
export const ROUND_ONE_RUBRIC: Rubric = [
  { id: 'approach', title: 'Approach', description: 'RUBRIC-SECRET: names the hash map before coding.' },
  { id: 'clarity', title: 'Clarity', description: 'RUBRIC-SECRET: explains each step.' },
];

/** Markers planted in the material: none may reach a candidate but a released hint. */
export const SECRET = {
  hints: ['HINT-ZERO-SECRET: try a map', 'HINT-ONE-SECRET: one pass', 'HINT-TWO-SECRET: store the complement'],
  solution: 'SOLUTION-SECRET = 42',
  rubric: 'RUBRIC-SECRET',
} as const;

export interface StartedInterview {
  roomId: string;
  setup: InterviewSetup;
  /** Round one's interviewer (round two's candidate). */
  alice: TestUser;
  /** Round one's candidate (round two's interviewer). */
  bob: TestUser;
  rounds: InterviewRounds;
}

/**
 * A mock-interview room of two users (fresh ones unless given) whose round
 * one has started, the first (Alice) interviewing the second (Bob); the stub question-service holds both rounds'
 * material (round one: the planted secrets and ROUND_ONE_RUBRIC; round two:
 * one hint and the default rubric). The interview is driven through the
 * rounds service directly, as the editor socket will once it is wired.
 */
export async function startedInterview(harness: CollabHarness, users?: [TestUser, TestUser]): Promise<StartedInterview> {
  const [alice, bob] = users ?? [await harness.user('Peer 1'), await harness.user('Peer 2')];
  const room = await createRoomsRepository(harness.prisma).create({
    matchId: randomUUID(),
    question: roomQuestionSchema.parse(testQuestion()),
    language: 'python',
    mode: 'interview',
    minutes: 30,
    participants: [alice, bob].map((user) => ({ userId: user.id, displayName: user.displayName })),
    initialDocument: initialDocumentUpdate('python', 'pass\n'),
  });
  const roomId = room.id;
  const setup: InterviewSetup = { participants: [alice.id, bob.id], questionIds: [room.questionId, randomUUID()], roundMs: ROUND_MS };
  const [first, second] = setup.questionIds;
  const materialOne: InterviewerMaterial = {
    questionId: first,
    hints: [...SECRET.hints],
    referenceSolutions: { python: SECRET.solution },
    rubric: ROUND_ONE_RUBRIC,
  };
  harness.materials.set(first, materialOne);
  harness.materials.set(second, { questionId: second, hints: ['Round two hint'], referenceSolutions: {}, rubric: [...DEFAULT_RUBRIC] });
  // random() = 0: the first participant interviews in round one.
  const rounds = createInterviewRounds({ repository: createInterviewRoundsRepository(harness.prisma), now: () => Date.now(), random: () => 0 });
  await rounds.joined(roomId, setup, alice.id);
  await rounds.joined(roomId, setup, bob.id);
  return { roomId, setup, alice, bob, rounds };
}

/** An interview room of two fresh users whose round one never started (nobody connected yet). */
export async function waitingInterview(harness: CollabHarness): Promise<{ roomId: string; alice: TestUser; bob: TestUser }> {
  const { roomId, setup } = await openInterviewRoom(createRoomsRepository(harness.prisma), ROUND_MS);
  const [aliceId, bobId] = setup.participants;
  return {
    roomId,
    alice: { id: aliceId, displayName: 'Peer 1', token: await harness.sign(aliceId, 'Peer 1') },
    bob: { id: bobId, displayName: 'Peer 2', token: await harness.sign(bobId, 'Peer 2') },
  };
}

/** A pair-practice room of two fresh users. */
export async function pairRoom(harness: CollabHarness): Promise<{ roomId: string; alice: TestUser; bob: TestUser }> {
  const users = [randomUUID(), randomUUID()];
  const room = await createRoomsRepository(harness.prisma).create({
    matchId: randomUUID(),
    question: roomQuestionSchema.parse(testQuestion()),
    language: 'python',
    mode: 'pair',
    minutes: 45,
    participants: users.map((userId, i) => ({ userId, displayName: `Pair ${i + 1}` })),
    initialDocument: initialDocumentUpdate('python', 'pass\n'),
  });
  return {
    roomId: room.id,
    alice: { id: users[0], displayName: 'Pair 1', token: await harness.sign(users[0], 'Pair 1') },
    bob: { id: users[1], displayName: 'Pair 2', token: await harness.sign(users[1], 'Pair 2') },
  };
}
