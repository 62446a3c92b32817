import { attemptDetailSchema } from './history';
import {
  INTERVIEW_WARNING_SECONDS,
  interviewRoundParamsSchema,
  interviewViewSchema,
  ROOM_INTERVIEW_MESSAGE_TYPE,
  roomInterviewResponseSchema,
} from './interview';
import { interviewRoundDocument, roomDocument, ROOM_CHAT_MESSAGE_TYPE } from './rooms';
import { ROOM_CALL_SIGNAL_MESSAGE_TYPE } from './calls';
import { ROOM_RUN_MESSAGE_TYPE } from './runs';

const alice = '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44';
const bob = '5a8e9b10-3c1f-4f0a-9d3e-c1de7a44b2f0';
const questionId = 'c1de7a44-b2f0-4f0a-9d3e-5a8e9b102c1f';

describe('interviewViewSchema', () => {
  const round1 = {
    index: 1,
    interviewerId: alice,
    candidateId: bob,
    questionId,
    startedAt: '2026-12-05T21:00:00.000Z',
    endsAt: '2026-12-05T21:15:00.000Z',
    endedAt: null,
    endReason: null,
  };
  const planned = { ...round1, index: 2, interviewerId: bob, candidateId: alice, questionId: null, startedAt: null, endsAt: null };
  const view = {
    mode: 'interview',
    phase: 'round1',
    currentRound: { index: 1, interviewerId: alice, candidateId: bob, startedAt: round1.startedAt, endsAt: round1.endsAt },
    rounds: [round1, planned],
    warningSeconds: INTERVIEW_WARNING_SECONDS,
    serverNow: '2026-12-05T21:03:00.000Z',
  };

  it('accepts round one running with round two planned, its question not yet shown', () => {
    expect(interviewViewSchema.parse(view)).toEqual(view);
  });

  it('accepts a room still waiting for both peers', () => {
    expect(interviewViewSchema.safeParse({ ...view, phase: 'waiting', currentRound: null, rounds: [] }).success).toBe(true);
  });

  it('names what is wrong: a third round, an unknown phase or reason, another warning, a local time', () => {
    const bad = interviewViewSchema.safeParse({
      ...view,
      phase: 'round3',
      rounds: [round1, { ...planned, index: 3, endReason: 'bored' }],
      warningSeconds: 60,
      serverNow: '2026-12-05 21:03',
    });
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'phase',
      'rounds.1.endReason',
      'rounds.1.index',
      'serverNow',
      'warningSeconds',
    ]);
  });
});

describe('the interview routes and messages', () => {
  const room = 'c1de7a44-b2f0-4f0a-9d3e-5a8e9b102c1f';

  it('takes round 1 or 2 only, naming `round` otherwise', () => {
    expect(interviewRoundParamsSchema.parse({ id: room, round: '2' })).toEqual({ id: room, round: 2 });
    for (const round of ['0', '3', 'one', '1.0', '']) {
      expect(interviewRoundParamsSchema.safeParse({ id: room, round }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['round']);
    }
  });

  it('answers a pair room with its mode alone, and refuses a view without one', () => {
    const now = '2026-12-05T21:03:00.000Z';
    expect(roomInterviewResponseSchema.parse({ mode: 'pair', serverNow: now })).toEqual({ mode: 'pair', serverNow: now });
    expect(roomInterviewResponseSchema.safeParse({ phase: 'waiting', serverNow: now }).success).toBe(false);
  });

  it('gives the interview message a number no other editor message uses', () => {
    const taken = [0, 1, 2, 3, ROOM_RUN_MESSAGE_TYPE, ROOM_CHAT_MESSAGE_TYPE, ROOM_CALL_SIGNAL_MESSAGE_TYPE];
    expect(taken).not.toContain(ROOM_INTERVIEW_MESSAGE_TYPE);
  });

  it('gives each round its own code and language in the document, round one the room\'s own', () => {
    expect(interviewRoundDocument[1]).toEqual({ code: roomDocument.code, language: roomDocument.metaKeys.language });
    expect(interviewRoundDocument[2].code).not.toBe(roomDocument.code);
    expect(interviewRoundDocument[2].language).not.toBe(roomDocument.metaKeys.language);
  });

  it('keeps an attempt\'s rounds optional (pair practice) and at most two', () => {
    const attempt = {
      id: room,
      roomId: room,
      question: { id: room, slug: 'two-sum', title: 'Two Sum', difficulty: 'EASY' },
      partner: { id: null, displayName: 'Deleted user' },
      language: 'python',
      startedAt: '2026-12-05T21:00:00.000Z',
      endedAt: '2026-12-05T21:30:00.000Z',
      durationSeconds: 1800,
      lastSubmission: null,
      finalCode: '',
      chat: [],
      runs: [],
    };
    expect(attemptDetailSchema.safeParse(attempt).success).toBe(true);
    const round = {
      index: 1,
      question: attempt.question,
      role: 'interviewer',
      startedAt: attempt.startedAt,
      endedAt: attempt.endedAt,
      endReason: 'time',
      language: 'python',
      finalCode: 'x = 1',
      runs: [],
    };
    expect(attemptDetailSchema.safeParse({ ...attempt, rounds: [round, { ...round, index: 2, role: 'candidate' }] }).success).toBe(true);
    expect(attemptDetailSchema.safeParse({ ...attempt, rounds: [round, round, round] }).success).toBe(false);
    expect(attemptDetailSchema.safeParse({ ...attempt, rounds: [{ ...round, role: 'observer' }] }).error?.issues[0].path).toEqual([
      'rounds',
      0,
      'role',
    ]);
  });
});
