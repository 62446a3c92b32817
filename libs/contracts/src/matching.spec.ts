import { createMatchRequestSchema, matchRequestViewSchema, matchStatusMessageSchema } from './matching';

const requestId = '8a6e0804-2bd0-4672-b79d-d97027f1a3a6';
const peerId = 'b2f0c1de-7a44-4f0a-9d3e-2c1f5a8e9b10';
const roomId = '0f7e3a52-1c2b-4d5e-8f90-a1b2c3d4e5f6';
const deadline = '2026-11-24T10:00:30.000Z';

describe('createMatchRequestSchema', () => {
  it('accepts a difficulty, topics and a language: a 45-minute mock interview, relaxation off, by default', () => {
    expect(createMatchRequestSchema.parse({ difficulty: 'MEDIUM', topics: ['arrays'], language: 'python' })).toEqual({
      mode: 'interview',
      minutes: 45,
      difficulty: 'MEDIUM',
      topics: ['arrays'],
      language: 'python',
      allowRelaxed: false,
    });
  });

  it.each([
    ['pair', 30],
    ['interview', 60],
  ])('accepts the mode %s and a length of %i minutes', (mode, minutes) => {
    expect(
      createMatchRequestSchema.parse({ mode, minutes, difficulty: 'EASY', topics: ['arrays'], language: 'java' }),
    ).toEqual(expect.objectContaining({ mode, minutes }));
  });

  it.each([
    ['an unknown mode', { mode: 'solo' }, 'mode'],
    ['a length not offered', { minutes: 40 }, 'minutes'],
    ['a length as a string', { minutes: '45' }, 'minutes'],
  ])('rejects %s, naming the field', (_label, extra, field) => {
    const result = createMatchRequestSchema.safeParse({ difficulty: 'EASY', topics: ['arrays'], language: 'java', ...extra });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });

  it.each([
    ['no topics', { difficulty: 'EASY', topics: [], language: 'java' }],
    ['a duplicate topic', { difficulty: 'EASY', topics: ['arrays', 'arrays'], language: 'java' }],
    ['more than five topics', { difficulty: 'EASY', topics: ['a', 'b', 'c', 'd', 'e', 'f'], language: 'java' }],
    ['an unknown language', { difficulty: 'EASY', topics: ['arrays'], language: 'rust' }],
    ['an unknown difficulty', { difficulty: 'INSANE', topics: ['arrays'], language: 'java' }],
    ['a user id in the body', { difficulty: 'EASY', topics: ['arrays'], language: 'java', userId: peerId }],
    ['a non-boolean allowRelaxed', { difficulty: 'EASY', topics: ['arrays'], language: 'java', allowRelaxed: 'yes' }],
  ])('rejects %s', (_label, body) => {
    expect(createMatchRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('matchRequestViewSchema', () => {
  it('describes a waiting request with its deadlines', () => {
    const view = {
      requestId,
      status: 'queued',
      criteria: { mode: 'interview', minutes: 30, difficulty: 'EASY', topics: ['arrays'], language: 'cpp', allowRelaxed: true },
      createdAt: '2026-11-24T10:00:00.000Z',
      strictDeadline: deadline,
      deadline: '2026-11-24T10:01:00.000Z',
      match: null,
    };
    expect(matchRequestViewSchema.parse(view)).toEqual(view);
  });
});

describe('matchStatusMessageSchema', () => {
  it.each([
    { status: 'queued', requestId, deadline },
    { status: 'relaxed', requestId, deadline },
    {
      status: 'matched',
      requestId,
      matchId: requestId,
      peer: { id: peerId, displayName: 'Bob' },
      difficulty: 'EASY',
      topics: ['arrays'],
      language: 'java',
      mode: 'pair',
      minutes: 45,
      roomId: null,
    },
    {
      status: 'matched',
      requestId,
      matchId: requestId,
      peer: { id: peerId, displayName: 'Bob' },
      difficulty: 'EASY',
      topics: ['arrays'],
      language: 'java',
      mode: 'interview',
      minutes: 30,
      roomId,
    },
    { status: 'timed_out', requestId, message: 'No partner found in time.' },
    { status: 'cancelled', requestId, reason: 'user' },
    { status: 'error', requestId: null, code: 'no_question', message: 'No question fits both of you.' },
  ])('accepts a $status message', (message) => {
    expect(matchStatusMessageSchema.parse(message)).toEqual(message);
  });

  it('narrows on status', () => {
    const message = matchStatusMessageSchema.parse({ status: 'queued', requestId, deadline });
    expect(message.status === 'queued' ? message.deadline : undefined).toBe(deadline);
  });

  it.each([
    ['an unknown status', { status: 'waiting', requestId, deadline }],
    ['a queued message without deadline', { status: 'queued', requestId }],
    ['a matched message without peer', { status: 'matched', requestId, matchId: requestId, roomId }],
    ['a deadline that is not an ISO instant', { status: 'relaxed', requestId, deadline: 'in 30s' }],
  ])('rejects %s', (_label, message) => {
    expect(matchStatusMessageSchema.safeParse(message).success).toBe(false);
  });
});
