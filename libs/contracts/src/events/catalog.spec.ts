import { z } from 'zod';
import { EVENT_TYPES, eventCatalog, isEventType, type DomainEvent } from './catalog';
import { eventEnvelopeSchema } from './envelope';

const alice = '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44';
const bob = '9d3e2c1f-5a8e-4b10-8f0a-7a44b2f0c1de';
const ids = {
  match: '5a8e9b10-2c1f-4f0a-9d3e-c1de7a44b2f0',
  room: '7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10',
  question: 'c1de7a44-b2f0-4f0a-9d3e-5a8e9b102c1f',
  request: '2c1f5a8e-9b10-4f0a-9d3e-7a44b2f0c1de',
};
const now = '2026-11-24T10:00:00.000Z';
const criteria = { mode: 'interview', minutes: 30, difficulty: 'EASY', topics: ['arrays'], language: 'python', allowRelaxed: false };

const matchFound = {
  matchId: ids.match,
  users: [
    { userId: alice, displayName: 'Alice', requestId: ids.request, criteria, requestedAt: now },
    { userId: bob, displayName: 'Bob', requestId: ids.request, criteria, requestedAt: now },
  ],
  difficulty: 'EASY',
  topics: ['arrays'],
  language: 'python',
  mode: 'interview',
  minutes: 30,
  relaxed: false,
  matchedAt: now,
};

describe('eventCatalog', () => {
  it.each(EVENT_TYPES)('%s has a positive integer version and a payload schema', (type) => {
    const definition = eventCatalog[type];
    expect(Number.isInteger(definition.version) && definition.version > 0).toBe(true);
    expect(definition.payload).toBeInstanceOf(z.ZodType);
  });

  it('lists the events the platform exchanges', () => {
    expect([...EVENT_TYPES].sort()).toEqual(
      [
        'attempt.saved',
        'execution.finished',
        'execution.progressed',
        'match.found',
        'peer.blocked',
        'question.created',
        'question.deleted',
        'question.updated',
        'room.closed',
        'room.created',
        'room.failed',
        'user.deleted',
      ].sort(),
    );
    expect(isEventType('match.found')).toBe(true);
    expect(isEventType('toString')).toBe(false);
  });

  it('accepts a match.found naming both users with their criteria', () => {
    expect(eventCatalog['match.found'].payload.safeParse(matchFound).success).toBe(true);
  });

  it('reads a match.found written before modes existed as pair practice of 45 minutes', () => {
    const { mode: _mode, minutes: _minutes, ...before } = matchFound;
    const { mode: _m, minutes: _n, ...criteriaBefore } = criteria;
    const users = before.users.map((user) => ({ ...user, criteria: criteriaBefore }));
    const parsed = eventCatalog['match.found'].payload.parse({ ...before, users });
    expect(parsed).toEqual(
      expect.objectContaining({ mode: 'pair', minutes: 45 }),
    );
    expect(parsed.users.map((user) => [user.criteria.mode, user.criteria.minutes])).toEqual([
      ['pair', 45],
      ['pair', 45],
    ]);
  });

  it('rejects a match.found with an unknown mode or a length not offered', () => {
    expect(eventCatalog['match.found'].payload.safeParse({ ...matchFound, mode: 'solo' }).success).toBe(false);
    expect(eventCatalog['match.found'].payload.safeParse({ ...matchFound, minutes: 20 }).success).toBe(false);
  });

  it('accepts a peer.blocked with or without the room it followed', () => {
    const blocked = { blockerId: alice, blockedId: bob, roomId: ids.room, blockedAt: now };
    expect(eventCatalog['peer.blocked'].payload.safeParse(blocked).success).toBe(true);
    expect(eventCatalog['peer.blocked'].payload.safeParse({ ...blocked, roomId: null }).success).toBe(true);
    expect(eventCatalog['peer.blocked'].payload.safeParse({ ...blocked, blockedId: 'bob' }).success).toBe(false);
  });

  it('rejects a match.found that pairs a user with themself', () => {
    const selfMatch = { ...matchFound, users: [matchFound.users[0], matchFound.users[0]] };
    expect(eventCatalog['match.found'].payload.safeParse(selfMatch).success).toBe(false);
  });

  it('rejects a match.found with one user or no shared topic', () => {
    expect(eventCatalog['match.found'].payload.safeParse({ ...matchFound, users: [matchFound.users[0]] }).success).toBe(
      false,
    );
    expect(eventCatalog['match.found'].payload.safeParse({ ...matchFound, topics: [] }).success).toBe(false);
  });

  it('models the no-question outcome of a match as room.failed with a reason', () => {
    const failed = {
      matchId: ids.match,
      users: [
        { userId: alice, displayName: 'Alice' },
        { userId: bob, displayName: 'Bob' },
      ],
      reason: 'no_question',
      message: 'No question fits both of you.',
      failedAt: now,
    };
    expect(eventCatalog['room.failed'].payload.safeParse(failed).success).toBe(true);
    expect(eventCatalog['room.failed'].payload.safeParse({ ...failed, reason: 'oops' }).success).toBe(false);
  });

  it('types a whole event from its type', () => {
    const event: DomainEvent<'room.created'> = {
      id: ids.request,
      type: 'room.created',
      version: eventCatalog['room.created'].version,
      occurredAt: now,
      payload: {
        roomId: ids.room,
        matchId: ids.match,
        users: [
          { userId: alice, displayName: 'Alice' },
          { userId: bob, displayName: 'Bob' },
        ],
        questionId: ids.question,
        language: 'python',
        questionIsFresh: true,
        createdAt: now,
      },
    };
    expect(eventEnvelopeSchema.safeParse(event).success).toBe(true);
    expect(eventCatalog[event.type].payload.safeParse(event.payload).success).toBe(true);
  });
});
