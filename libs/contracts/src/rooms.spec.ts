import { attemptDetailSchema, listHistoryQuerySchema } from './history';
import { chatMessageSchema, roomViewSchema } from './rooms';

const alice = '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44';
const questionId = 'c1de7a44-b2f0-4f0a-9d3e-5a8e9b102c1f';
const roomId = '7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10';
const now = '2026-11-24T10:00:00.000Z';
const code = { javascript: '', typescript: '', python: '', java: '', cpp: '' };

const question = {
  id: questionId,
  slug: 'two-sum',
  title: 'Two Sum',
  difficulty: 'EASY',
  topics: [{ slug: 'arrays', name: 'Arrays' }],
  createdAt: now,
  updatedAt: now,
  statement: '...',
  examples: [{ input: '1', output: '2' }],
  constraints: [],
  starterCode: code,
  entryPoint: { functionName: 'f', params: [], returnType: 'int' },
};

describe('roomViewSchema', () => {
  const room = {
    id: roomId,
    matchId: roomId,
    question,
    participants: [
      { id: alice, displayName: 'Alice' },
      { id: null, displayName: 'Deleted user' },
    ],
    language: 'python',
    mode: 'interview',
    minutes: 30,
    status: 'OPEN',
    createdAt: now,
    closedAt: null,
    closedBy: null,
  };

  it('accepts a room with an anonymised participant', () => {
    expect(roomViewSchema.safeParse(room).success).toBe(true);
  });

  it('never carries test cases nor the interviewer material (hints, reference solutions, rubric), and strips them if a handler passes them', () => {
    const parsed = roomViewSchema.parse({
      ...room,
      question: {
        ...question,
        testCases: [],
        hints: ['Sort first.'],
        referenceSolutions: { python: 'def solve():\n    return 1\n' },
        rubric: [{ id: 'testing', title: 'Testing', description: 'Tries edge cases.' }],
      },
    });
    for (const field of ['testCases', 'hints', 'referenceSolutions', 'rubric']) expect(field in parsed.question).toBe(false);
  });

  it('rejects an unknown status or a room without two participants', () => {
    expect(roomViewSchema.safeParse({ ...room, status: 'ENDED' }).success).toBe(false);
    expect(roomViewSchema.safeParse({ ...room, participants: room.participants.slice(0, 1) }).success).toBe(false);
  });

  it('carries the mode and length agreed at match time', () => {
    expect(roomViewSchema.safeParse({ ...room, mode: 'pair', minutes: 45 }).success).toBe(true);
    expect(roomViewSchema.safeParse({ ...room, mode: 'solo' }).success).toBe(false);
    expect(roomViewSchema.safeParse({ ...room, minutes: 90 }).success).toBe(false);
    const { mode: _mode, ...withoutMode } = room;
    expect(roomViewSchema.safeParse(withoutMode).success).toBe(false);
  });
});

describe('chatMessageSchema', () => {
  it('rejects blank and overlong messages', () => {
    const message = { id: 'm1', authorId: alice, authorName: 'Alice', sentAt: now };
    expect(chatMessageSchema.safeParse({ ...message, text: 'hi' }).success).toBe(true);
    expect(chatMessageSchema.safeParse({ ...message, text: '   ' }).success).toBe(false);
    expect(chatMessageSchema.safeParse({ ...message, text: 'x'.repeat(2001) }).success).toBe(false);
  });
});

describe('attemptDetailSchema', () => {
  it('carries the final code, the chat and the duration', () => {
    const attempt = {
      id: roomId,
      roomId,
      question: { id: questionId, slug: 'two-sum', title: 'Two Sum', difficulty: 'EASY' },
      partner: { id: alice, displayName: 'Alice' },
      language: 'java',
      startedAt: now,
      endedAt: '2026-11-24T10:30:00.000Z',
      durationSeconds: 1800,
      finalCode: 'class Solution {}',
      chat: [{ id: 'm1', authorId: null, authorName: 'Deleted user', text: 'hi', sentAt: now }],
      lastSubmission: null,
      runs: [],
    };
    expect(attemptDetailSchema.parse(attempt)).toEqual(attempt);
    expect(attemptDetailSchema.safeParse({ ...attempt, durationSeconds: -1 }).success).toBe(false);
  });

  it('pages history like every other list', () => {
    expect(listHistoryQuerySchema.parse({ page: '2' })).toEqual({ page: 2, pageSize: 20 });
  });
});
