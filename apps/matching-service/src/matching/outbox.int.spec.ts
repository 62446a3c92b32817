import { randomUUID } from 'node:crypto';
import { waitFor } from '@peerprep/testing';
import { Redis } from 'ioredis';
import { MatchingHarness } from '../../test/matching-harness';
import { createQueueRepository, matchOutboxStream, type NewRequest } from './queue.repository';

describe('match.found goes through the Redis-stream outbox written by the pairing script', () => {
  let harness: MatchingHarness;
  let redis: Redis;

  beforeAll(async () => {
    harness = await MatchingHarness.start('matching-outbox');
    redis = new Redis(harness.infra.redis.url);
  });

  afterAll(async () => {
    redis.disconnect();
    await harness.stop();
  });

  function request(overrides: Partial<NewRequest> = {}): NewRequest {
    const now = Date.now();
    return {
      requestId: randomUUID(),
      userId: randomUUID(),
      displayName: 'someone',
      mode: 'interview',
      minutes: 45,
      difficulty: 'EASY',
      topics: ['t0'],
      language: 'python',
      allowRelaxed: false,
      now,
      strictDeadline: now + 60_000,
      deadline: now + 60_000,
      ...overrides,
    };
  }

  it('commits the event with the pair while no replica runs, and a replica started later publishes it once', async () => {
    const queue = createQueueRepository(redis, harness.prefix);
    const stream = matchOutboxStream(harness.prefix);
    await queue.enqueue(request(), 60_000);
    const paired = await queue.enqueue(request(), 60_000);
    if (paired.outcome !== 'matched') throw new Error(`expected a pair, got ${paired.outcome}`);

    // Written in the same script as the pairing; nobody has published it yet.
    expect(await redis.xlen(stream)).toBe(1);
    expect(harness.matchesFound).toEqual([]);

    const replica = await harness.startInstance();
    try {
      await waitFor(() => harness.matchesFound.some((found) => found.matchId === paired.pair.matchId), 10_000, 'match.found');
      await waitFor(async () => (await redis.xlen(stream)) === 0, 10_000, 'the entry to be deleted after the confirm');
      expect(harness.matchesFound.filter((found) => found.matchId === paired.pair.matchId)).toHaveLength(1);
      expect(harness.matchesFound[0]?.users.map((user) => user.requestId).sort()).toEqual(
        paired.pair.requests.map((stored) => stored.requestId).sort(),
      );
    } finally {
      await replica.stop();
    }
  });

  it('publishes an entry the version before modes wrote (still in the stream at deploy) as 45 minutes of pair practice', async () => {
    const stream = matchOutboxStream(harness.prefix);
    const side = (name: string) => ({
      id: randomUUID(),
      userId: randomUUID(),
      name,
      difficulty: 'EASY',
      topics: 't0',
      language: 'python',
      relax: '0',
      createdAt: String(Date.now()),
      strictDeadline: String(Date.now() + 30_000),
      deadline: String(Date.now() + 30_000),
      status: 'matched',
      seq: '1',
    });
    const matchId = randomUUID();
    const match = { matchId, difficulty: 'EASY', topics: 't0', language: 'python', relaxed: '0', matchedAt: String(Date.now()) };
    await redis.xadd(stream, '*', 'pair', JSON.stringify({ outcome: 'matched', match, older: side('Ann'), newer: side('Ben') }));

    const replica = await harness.startInstance();
    try {
      await waitFor(() => harness.matchesFound.some((found) => found.matchId === matchId), 10_000, 'match.found');
      const found = harness.matchesFound.find((event) => event.matchId === matchId);
      expect(found).toEqual(expect.objectContaining({ mode: 'pair', minutes: 45 }));
      expect(found?.users.map((user) => [user.displayName, user.criteria.mode, user.criteria.minutes])).toEqual([
        ['Ann', 'pair', 45],
        ['Ben', 'pair', 45],
      ]);
    } finally {
      await replica.stop();
    }
  });
});
