import { DIFFICULTIES, LANGUAGES, SESSION_LENGTHS_MINUTES, SESSION_MODES, type MatchFoundPayload } from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import { Redis } from 'ioredis';
import { MatchingHarness, type MatchingInstance, type StatusSocket, type TestUser } from '../../test/matching-harness';

/** mulberry32: a small seeded generator, so a failing run can be replayed with MATCH_TEST_SEED. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const USERS = 2_000;
const PARALLEL = 64;
const TERMINAL = new Set(['matched', 'cancelled', 'timed_out']);

interface Criteria {
  mode: (typeof SESSION_MODES)[number];
  minutes: (typeof SESSION_LENGTHS_MINUTES)[number];
  difficulty: (typeof DIFFICULTIES)[number];
  topics: string[];
  language: (typeof LANGUAGES)[number];
  allowRelaxed: boolean;
}

describe('matching under concurrency with two replicas', () => {
  let harness: MatchingHarness;
  let replicas: MatchingInstance[];
  let inspector: Redis;

  beforeAll(async () => {
    harness = await MatchingHarness.start('matching-race');
    const env = {
      MATCH_STRICT_WINDOW_MS: '400',
      MATCH_RELAXED_WINDOW_MS: '400',
      MATCH_DISCONNECT_GRACE_MS: '50',
    };
    replicas = [await harness.startInstance(env), await harness.startInstance(env)];
    inspector = new Redis(harness.infra.redis.url);
  });

  afterAll(async () => {
    await inspector.quit();
    await harness.stop();
  });

  it('with users requesting, cancelling, disconnecting and blocking at random, pairs only compatible users, never a blocked pair, each once, and ends every request exactly once', async () => {
    const seed = Number(process.env['MATCH_TEST_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`matching concurrency seed: ${seed} (replay with MATCH_TEST_SEED=${seed})`);
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const topicPool = ['t0', 't1', 't2', 't3', 't4', 't5'];

    const criteriaByRequest = new Map<string, Criteria & { userId: string }>();
    const criteriaOf = (requestId: string) => {
      const criteria = criteriaByRequest.get(requestId);
      if (!criteria) throw new Error(`unknown request ${requestId}`);
      return criteria;
    };
    const requestsByUser = new Map<string, string[]>();
    const sockets: StatusSocket[] = [];
    let conflicts = 0;

    async function post(user: TestUser, on: MatchingInstance, criteria: Criteria): Promise<string | null> {
      const response = await fetch(`${on.url}/api/match/requests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(criteria),
      });
      if (response.status === 409) {
        conflicts += 1;
        return null;
      }
      if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
      const { requestId } = (await response.json()) as { requestId: string };
      criteriaByRequest.set(requestId, { ...criteria, userId: user.id });
      requestsByUser.set(user.id, [...(requestsByUser.get(user.id) ?? []), requestId]);
      return requestId;
    }

    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    // Blocks between a new user and one who came just before, published while
    // everyone requests: a block kept before a pairing step must hold there, on either replica.
    const simulated: TestUser[] = [];
    const blockKey = (a: string, b: string) => [a, b].sort().join(' ');
    const blockedSince = new Map<string, number>();
    async function blockSomeone(user: TestUser): Promise<void> {
      // Among the users who came just before, who are likely still waiting: a block that matters.
      const peer = pick(simulated.slice(-PARALLEL - 1, -1));
      if (!peer) return;
      const [blocker, blocked] = random() < 0.5 ? [user, peer] : [peer, user];
      await harness.roomEvents.publish('peer.blocked', {
        blockerId: blocker.id,
        blockedId: blocked.id,
        roomId: null,
        blockedAt: new Date().toISOString(),
      });
      // Known to be in force once both sets hold it (the consumer writes them in one MULTI).
      await waitFor(
        async () => (await inspector.sismember(`${harness.prefix}blocked:${blocked.id}`, blocker.id)) === 1,
        10_000,
        'a block to be kept',
      );
      const key = blockKey(blocker.id, blocked.id);
      if (!blockedSince.has(key)) blockedSince.set(key, Date.now());
    }

    async function simulate(index: number): Promise<void> {
      const user = await harness.user(`sim-${index}`);
      simulated.push(user);
      // About one user in four blocks (or is blocked by) someone who came just before: ~500 blocks in all.
      if (random() < 1 / 4) await blockSomeone(user);
      const home = pick(replicas);
      const criteria: Criteria = {
        mode: pick(SESSION_MODES),
        minutes: pick(SESSION_LENGTHS_MINUTES),
        difficulty: pick(DIFFICULTIES),
        topics: [...new Set([pick(topicPool), pick(topicPool)])],
        language: pick(LANGUAGES.slice(0, 3)),
        allowRelaxed: random() < 0.5,
      };
      const socket = random() < 0.5 ? await harness.connect(pick(replicas), user) : null;
      if (socket) sockets.push(socket);
      const roll = random();
      // Some users double-submit at once to either replica: one request must win.
      if (roll < 0.05) {
        await Promise.all([post(user, replicas[0], criteria), post(user, replicas[1], criteria)]);
      } else {
        await post(user, home, criteria);
      }
      const action = random();
      if (action < 0.2) {
        await pause(random() * 600);
        const response = await fetch(`${pick(replicas).url}/api/match/requests/current`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${user.token}` },
        });
        // 204 cancelled, 409 already matched, 404 already timed out.
        if (![204, 404, 409].includes(response.status)) throw new Error(`DELETE answered ${response.status}`);
      } else if (action < 0.35 && socket) {
        await pause(random() * 600);
        await socket.close();
      }
    }

    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < USERS) {
          const index = next++;
          await simulate(index);
        }
      }),
    );

    const requestIds = [...criteriaByRequest.keys()];
    const terminalOf = (requestId: string) =>
      harness.statusLog.filter((entry) => TERMINAL.has(entry.message.status) && entry.message.requestId === requestId);
    await waitFor(() => requestIds.every((id) => terminalOf(id).length > 0), 30_000, 'every request to end');

    // Every request ends exactly once.
    for (const requestId of requestIds) {
      const endings = terminalOf(requestId);
      expect({ requestId, endings: endings.map((e) => e.message.status) }).toEqual({
        requestId,
        endings: [endings[0].message.status],
      });
      expect(endings[0].userId).toBe(criteriaOf(requestId).userId);
    }
    // One active request per user: a double submit yields one request and one 409.
    for (const [userId, ids] of requestsByUser) expect({ userId, requests: ids.length }).toEqual({ userId, requests: 1 });
    expect(requestIds.length + conflicts).toBeGreaterThanOrEqual(USERS);

    const matched = requestIds.filter((id) => terminalOf(id)[0].message.status === 'matched');
    await waitFor(() => harness.matchesFound.length >= matched.length / 2, 30_000, 'every match.found');
    const matches: MatchFoundPayload[] = harness.matchesFound;
    expect(matches.length * 2).toBe(matched.length);

    const seenUsers = new Set<string>();
    const seenRequests = new Set<string>();
    expect(blockedSince.size).toBeGreaterThan(USERS / 8);
    for (const match of matches) {
      const [older, newer] = match.users;
      expect(older.userId).not.toBe(newer.userId);
      // Never a pair one of whom blocked the other before the pairing step (the block was in Redis by then).
      const since = blockedSince.get(blockKey(older.userId, newer.userId));
      expect({ matchId: match.matchId, blockedBeforeMatch: since !== undefined && since < Date.parse(match.matchedAt) }).toEqual({
        matchId: match.matchId,
        blockedBeforeMatch: false,
      });
      // Only the same mode; the session gets the shorter length.
      expect([older.criteria.mode, newer.criteria.mode, match.mode]).toEqual([match.mode, match.mode, match.mode]);
      expect(match.minutes).toBe(Math.min(older.criteria.minutes, newer.criteria.minutes));
      for (const side of match.users) {
        expect(seenUsers.has(side.userId)).toBe(false);
        seenUsers.add(side.userId);
        seenRequests.add(side.requestId);
        const asked = criteriaOf(side.requestId);
        expect(side.criteria).toEqual(
          expect.objectContaining({ difficulty: asked.difficulty, mode: asked.mode, minutes: asked.minutes }),
        );
      }
      const shared = older.criteria.topics.filter((t) => newer.criteria.topics.includes(t));
      expect(shared.length).toBeGreaterThan(0);
      expect(match.topics).toEqual(shared);
      if (older.criteria.difficulty === newer.criteria.difficulty) {
        expect(match.relaxed).toBe(false);
        expect(match.difficulty).toBe(older.criteria.difficulty);
      } else {
        // Different difficulties pair only when both allowed it and waited out the strict window.
        expect(match.relaxed).toBe(true);
        expect(older.criteria.allowRelaxed && newer.criteria.allowRelaxed).toBe(true);
        expect(match.difficulty).toBe(older.criteria.difficulty);
      }
      expect(match.language).toBe(older.criteria.language === newer.criteria.language ? newer.criteria.language : older.criteria.language);
    }
    expect([...seenRequests].sort()).toEqual([...matched].sort());

    // Nothing is left waiting in Redis, in either mode's indexes.
    expect(await inspector.zcard(`${harness.prefix}deadlines`)).toBe(0);
    const leftovers = [
      ...(await inspector.keys(`${harness.prefix}q:*`)),
      ...(await inspector.keys(`${harness.prefix}r:*`)),
      ...(await inspector.keys(`${harness.prefix}interview:*`)),
    ];
    expect(leftovers).toEqual([]);

    await Promise.all(sockets.map((socket) => socket.close()));
  }, 120_000);
});
