import { randomUUID } from 'node:crypto';
import { WEBSOCKET_CLOSE_CODES, type MatchFoundPayload, type MatchStatusMessage } from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { WebSocket } from 'ws';
import { MatchingHarness, type MatchingInstance, type TestUser } from '../../test/matching-harness';

type Body = { difficulty: string; topics: string[]; language: string; allowRelaxed?: boolean; mode?: string; minutes?: number };

describe('matching over HTTP and WebSocket', () => {
  let harness: MatchingHarness;
  let service: MatchingInstance;
  let topicCounter = 0;
  /** A topic no other test uses, so leftovers of one test never pair with another's users. */
  const freshTopic = () => `t${topicCounter++}`;

  const ask = (user: TestUser, body: Body, on: MatchingInstance = service) =>
    request(on.url).post('/api/match/requests').set('authorization', `Bearer ${user.token}`).send(body);
  const current = (user: TestUser) =>
    request(service.url).get('/api/match/requests/current').set('authorization', `Bearer ${user.token}`);
  const cancel = (user: TestUser) =>
    request(service.url).delete('/api/match/requests/current').set('authorization', `Bearer ${user.token}`);

  async function waitForMatchOf(userId: string): Promise<MatchFoundPayload> {
    let found: MatchFoundPayload | undefined;
    await waitFor(() => {
      found = harness.matchesFound.find((m) => m.users.some((u) => u.userId === userId));
      return found !== undefined;
    }, 10_000, 'match.found');
    return found as MatchFoundPayload;
  }

  beforeAll(async () => {
    harness = await MatchingHarness.start('matching-flow');
    service = await harness.startInstance({ MATCH_STRICT_WINDOW_MS: '60000', MATCH_DISCONNECT_GRACE_MS: '100' });
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('queues a request, reads it back, cancels it and tells the socket each step', async () => {
    const alice = await harness.user('Alice');
    const socket = await harness.connect(service, alice);
    const topic = freshTopic();
    const created = await ask(alice, { difficulty: 'EASY', topics: [topic], language: 'python' }).expect(201);
    expect(created.body).toMatchObject({ status: 'queued', criteria: { topics: [topic], allowRelaxed: false }, match: null });
    const queued = await socket.next((m) => m.status === 'queued');
    expect(queued).toEqual({ status: 'queued', requestId: created.body.requestId, deadline: created.body.strictDeadline });

    const read = await current(alice).expect(200);
    expect(read.body.requestId).toBe(created.body.requestId);

    await cancel(alice).expect(204);
    await socket.next((m) => m.status === 'cancelled');
    expect(socket.messages.at(-1)).toEqual({ status: 'cancelled', requestId: created.body.requestId, reason: 'user' });
    await current(alice).expect(204);
    await cancel(alice).expect(404);
    await socket.close();
  });

  it('answers 204 with no body to a user without a request: not an error', async () => {
    const newcomer = await harness.user('Newcomer');
    const res = await current(newcomer).expect(204);
    expect(res.text).toBe('');
  });

  it('requires a signed-in user for every route and the socket', async () => {
    await request(service.url).post('/api/match/requests').send({}).expect(401);
    await request(service.url).get('/api/match/requests/current').expect(401);
    await request(service.url).delete('/api/match/requests/current').expect(401);
    const stranger = { id: randomUUID(), displayName: 'x', token: 'not-a-token' };
    await expect(harness.connect(service, stranger)).rejects.toThrow(/401/);
  });

  it('limits the status channel: 4429 past the sockets a user may hold, 1009 for a message above 1 KiB, counted in /metrics', async () => {
    const limited = await harness.startInstance({ MATCH_MAX_SOCKETS_PER_USER: '2' });
    const user = await harness.user('Many tabs');
    const url = `${limited.url.replace(/^http/, 'ws')}/api/match/events`;
    const metrics = async () => (await request(limited.url).get('/metrics')).text;
    const openSocket = async () => {
      const ws = new WebSocket(url, ['peerprep', `bearer.${user.token}`]);
      const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      return { ws, closed };
    };

    const first = await openSocket();
    const second = await openSocket();
    const third = await openSocket();
    expect(await third.closed).toBe(WEBSOCKET_CLOSE_CODES.tooManySockets);
    second.ws.send('x'.repeat(1025));
    expect(await second.closed).toBe(1009);
    // Its place is free again.
    await waitFor(async () => /^websocket_open_sockets\{[^}]*channel="status"[^}]*\} 1$/m.test(await metrics()), 5_000, 'one open socket');
    const fourth = await openSocket();
    const text = await metrics();
    expect(text).toMatch(/^websocket_open_sockets\{[^}]*channel="status"[^}]*\} 2$/m);
    expect(text).toMatch(/^websocket_upgrades_total\{[^}]*channel="status",outcome="opened",code="101"[^}]*\} 3$/m);
    expect(text).toMatch(/^websocket_upgrades_total\{[^}]*channel="status",outcome="refused",code="4429"[^}]*\} 1$/m);
    first.ws.close();
    fourth.ws.close();
    await Promise.all([first.closed, fourth.closed]);
    await limited.stop();
  });

  it('closes a 100 MiB frame with 1009 and a message flood with 4430 on the status channel', async () => {
    const user = await harness.user('Noisy');
    const url = `${service.url.replace(/^http/, 'ws')}/api/match/events`;
    const openSocket = async () => {
      const ws = new WebSocket(url, ['peerprep', `bearer.${user.token}`]);
      ws.on('error', () => undefined);
      const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
      await new Promise((resolve) => ws.once('open', resolve));
      return { ws, closed };
    };
    const big = await openSocket();
    big.ws.send(Buffer.alloc(100 * 1024 * 1024));
    expect((await big.closed).code).toBe(1009);

    const noisy = await openSocket();
    for (let i = 0; i < 100; i++) noisy.ws.send('x');
    expect(await noisy.closed).toEqual({ code: WEBSOCKET_CLOSE_CODES.rateLimited, reason: 'too many status messages' });
  });

  it('answers 409 to a second request while one is waiting', async () => {
    const bob = await harness.user();
    await ask(bob, { difficulty: 'EASY', topics: [freshTopic()], language: 'java' }).expect(201);
    const again = await ask(bob, { difficulty: 'HARD', topics: [freshTopic()], language: 'java' }).expect(409);
    expect(again.body).toMatchObject({ detail: expect.stringMatching(/already have a match request/), errors: [{ field: 'request' }] });
    await cancel(bob).expect(204);
  });

  it('answers 400 naming the field for an unknown topic, a topic without questions at that difficulty, or a bad body', async () => {
    const carol = await harness.user();
    const unknown = await ask(carol, { difficulty: 'EASY', topics: ['t1', 'no-such-topic'], language: 'python' }).expect(400);
    expect(unknown.body.errors).toEqual([
      { field: 'topics.1', location: 'body', message: 'Unknown topic "no-such-topic"' },
    ]);
    const wrongLevel = await ask(carol, { difficulty: 'HARD', topics: ['easy-only'], language: 'python' }).expect(400);
    expect(wrongLevel.body.errors).toEqual([expect.objectContaining({ field: 'topics.0' })]);
    const noTopics = await ask(carol, { difficulty: 'EASY', topics: [], language: 'python' }).expect(400);
    expect(noTopics.body.errors).toEqual([expect.objectContaining({ field: 'topics' })]);
    await current(carol).expect(204);
  });

  it('pairs two requests of the same difficulty sharing a topic, publishes match.found and relays room.created to both', async () => {
    const [alice, bob] = [await harness.user('Alice'), await harness.user('Bob')];
    const [aliceSocket, bobSocket] = [await harness.connect(service, alice), await harness.connect(service, bob)];
    const shared = freshTopic();
    const first = await ask(alice, { difficulty: 'MEDIUM', topics: [freshTopic(), shared], language: 'python' }).expect(201);
    const second = await ask(bob, { difficulty: 'MEDIUM', topics: [shared], language: 'java' }).expect(201);
    expect(second.body).toMatchObject({ status: 'matched', match: { peer: { id: alice.id, displayName: 'Alice' }, roomId: null } });

    const aliceMatched = await aliceSocket.next((m) => m.status === 'matched');
    expect(aliceMatched).toMatchObject({
      requestId: first.body.requestId,
      peer: { id: bob.id, displayName: 'Bob' },
      difficulty: 'MEDIUM',
      topics: [shared],
      language: 'python',
      roomId: null,
    });
    await bobSocket.next((m) => m.status === 'matched');

    const found = await waitForMatchOf(bob.id);
    expect(found).toMatchObject({ difficulty: 'MEDIUM', topics: [shared], language: 'python', relaxed: false });
    expect(found.users.map((u) => u.userId)).toEqual([alice.id, bob.id]);
    expect(found.users[1].criteria).toEqual({
      mode: 'interview',
      minutes: 45,
      difficulty: 'MEDIUM',
      topics: [shared],
      language: 'java',
      allowRelaxed: false,
    });

    // Already in a room (being created): a new request is refused.
    await ask(alice, { difficulty: 'EASY', topics: [freshTopic()], language: 'python' }).expect(409);
    await cancel(alice).expect(409);

    const roomId = randomUUID();
    await harness.roomEvents.publish('room.created', {
      roomId,
      matchId: found.matchId,
      users: [
        { userId: alice.id, displayName: 'Alice' },
        { userId: bob.id, displayName: 'Bob' },
      ],
      questionId: randomUUID(),
      language: 'python',
      questionIsFresh: true,
      createdAt: new Date().toISOString(),
    });
    for (const socket of [aliceSocket, bobSocket]) {
      expect(await socket.next((m) => m.status === 'matched' && m.roomId === roomId, 'room')).toMatchObject({ matchId: found.matchId });
    }
    expect((await current(bob).expect(200)).body.match.roomId).toBe(roomId);

    await harness.roomEvents.publish('room.closed', {
      roomId,
      matchId: found.matchId,
      userIds: [alice.id, bob.id],
      closedBy: alice.id,
      closedAt: new Date().toISOString(),
    });
    await waitFor(async () => (await current(alice)).status === 204, 10_000, 'the room to be released');
    await ask(alice, { difficulty: 'EASY', topics: [freshTopic()], language: 'python' }).expect(201);
    await cancel(alice).expect(204);
    await Promise.all([aliceSocket.close(), bobSocket.close()]);
  });

  it('tells both users when no room can be made, and frees them', async () => {
    const [alice, bob] = [await harness.user(), await harness.user()];
    const topic = freshTopic();
    const aliceSocket = await harness.connect(service, alice);
    await ask(alice, { difficulty: 'EASY', topics: [topic], language: 'python' }).expect(201);
    await ask(bob, { difficulty: 'EASY', topics: [topic], language: 'python' }).expect(201);
    const found = await waitForMatchOf(bob.id);
    await harness.roomEvents.publish('room.failed', {
      matchId: found.matchId,
      users: [
        { userId: alice.id, displayName: alice.displayName },
        { userId: bob.id, displayName: bob.displayName },
      ],
      reason: 'no_question',
      message: 'No question fits both of you.',
      failedAt: new Date().toISOString(),
    });
    expect(await aliceSocket.next((m) => m.status === 'error')).toMatchObject({ code: 'no_question' });
    await waitFor(async () => (await current(bob)).status === 204, 10_000, 'bob to be free');
    await aliceSocket.close();
  });

  it('pairs only requests of the same mode; lengths may differ and the session gets the shorter', async () => {
    const topic = freshTopic();
    const [interviewer, practiser, shortInterview, laterPractiser] = [
      await harness.user('Ivy'),
      await harness.user('Pat'),
      await harness.user('Sam'),
      await harness.user('Lee'),
    ];
    const ivySocket = await harness.connect(service, interviewer);
    await ask(interviewer, { mode: 'interview', minutes: 60, difficulty: 'EASY', topics: [topic], language: 'python' }).expect(201);
    // Same topic, difficulty and language, another mode: they wait side by side.
    const pat = await ask(practiser, { mode: 'pair', minutes: 30, difficulty: 'EASY', topics: [topic], language: 'python' }).expect(201);
    expect(pat.body).toMatchObject({ status: 'queued', criteria: { mode: 'pair', minutes: 30 }, match: null });

    const sam = await ask(shortInterview, { mode: 'interview', minutes: 30, difficulty: 'EASY', topics: [topic], language: 'python' });
    expect(sam.status).toBe(201);
    expect(sam.body).toMatchObject({
      status: 'matched',
      criteria: { mode: 'interview', minutes: 30 },
      match: { peer: { id: interviewer.id }, mode: 'interview', minutes: 30 },
    });
    expect(await ivySocket.next((m) => m.status === 'matched')).toMatchObject({ peer: { id: shortInterview.id }, mode: 'interview', minutes: 30 });
    const interview = await waitForMatchOf(shortInterview.id);
    expect(interview).toMatchObject({ mode: 'interview', minutes: 30 });
    expect(interview.users.map((user) => [user.criteria.mode, user.criteria.minutes])).toEqual([
      ['interview', 60],
      ['interview', 30],
    ]);
    // Ivy's own view keeps what she asked for beside what was agreed.
    expect((await current(interviewer).expect(200)).body).toMatchObject({
      criteria: { mode: 'interview', minutes: 60 },
      match: { mode: 'interview', minutes: 30 },
    });

    // Without a mode the request is a 45-minute mock interview, so it does not meet Pat either.
    const defaulted = await ask(laterPractiser, { difficulty: 'EASY', topics: [topic], language: 'python' }).expect(201);
    expect(defaulted.body).toMatchObject({ status: 'queued', criteria: { mode: 'interview', minutes: 45 } });
    await cancel(laterPractiser).expect(204);
    const lee = await ask(laterPractiser, { mode: 'pair', minutes: 45, difficulty: 'EASY', topics: [topic], language: 'python' }).expect(201);
    expect(lee.body).toMatchObject({ status: 'matched', match: { peer: { id: practiser.id }, mode: 'pair', minutes: 30 } });
    expect(await waitForMatchOf(practiser.id)).toMatchObject({ mode: 'pair', minutes: 30 });
    await ivySocket.close();
  });

  it('answers 400 naming mode or minutes for a mode or length it does not offer', async () => {
    const user = await harness.user();
    const badMode = await ask(user, { mode: 'solo', difficulty: 'EASY', topics: ['t1'], language: 'python' }).expect(400);
    expect(badMode.body.errors).toEqual([expect.objectContaining({ field: 'mode', location: 'body' })]);
    const badLength = await ask(user, { minutes: 50, difficulty: 'EASY', topics: ['t1'], language: 'python' }).expect(400);
    expect(badLength.body.errors).toEqual([expect.objectContaining({ field: 'minutes', location: 'body' })]);
    await current(user).expect(204);
  });

  describe('blocked pairs', () => {
    let inspector: Redis;
    beforeAll(() => {
      inspector = new Redis(harness.infra.redis.url);
    });
    afterAll(async () => {
      await inspector.quit();
    });

    const blockedOf = (userId: string) => inspector.smembers(`${harness.prefix}blocked:${userId}`);
    async function block(blocker: TestUser, blocked: TestUser): Promise<void> {
      await harness.roomEvents.publish('peer.blocked', {
        blockerId: blocker.id,
        blockedId: blocked.id,
        roomId: randomUUID(),
        blockedAt: new Date().toISOString(),
      });
      await waitFor(async () => (await blockedOf(blocked.id)).includes(blocker.id), 10_000, 'the block to be kept');
    }

    it('never pairs a blocked pair again, either way round, and pairs each with the next compatible request', async () => {
      const topic = freshTopic();
      const body = { mode: 'pair', difficulty: 'HARD', topics: [topic], language: 'java' };
      const [blocker, blocked, third, fourth] = [await harness.user(), await harness.user(), await harness.user(), await harness.user()];
      await block(blocker, blocked);
      expect(await blockedOf(blocker.id)).toEqual([blocked.id]);

      // The blocked user waits; the blocker arrives and passes over them.
      await ask(blocked, body).expect(201);
      expect((await ask(blocker, body).expect(201)).body).toMatchObject({ status: 'queued', match: null });
      await cancel(blocker).expect(204);
      // The other way round: the blocker waits, the blocked user arrives.
      await cancel(blocked).expect(204);
      await ask(blocker, body).expect(201);
      expect((await ask(blocked, body).expect(201)).body).toMatchObject({ status: 'queued', match: null });

      // Anyone else still meets either, oldest first.
      expect((await ask(third, body).expect(201)).body.match.peer.id).toBe(blocker.id);
      expect((await ask(fourth, body).expect(201)).body.match.peer.id).toBe(blocked.id);
      const pairs = harness.matchesFound
        .filter((found) => found.topics.includes(topic))
        .map((found) => found.users.map((user) => user.userId).sort());
      expect(pairs).not.toContainEqual([blocker.id, blocked.id].sort());
    });

    it('skips a blocked peer in the relaxed phase too', async () => {
      const quick = await harness.startInstance({ MATCH_STRICT_WINDOW_MS: '200', MATCH_RELAXED_WINDOW_MS: '1500' });
      try {
        const topic = freshTopic();
        const [blocker, blocked] = [await harness.user(), await harness.user()];
        await block(blocker, blocked);
        await ask(blocker, { mode: 'pair', difficulty: 'EASY', topics: [topic], language: 'python', allowRelaxed: true }, quick).expect(201);
        await ask(blocked, { mode: 'pair', difficulty: 'HARD', topics: [topic], language: 'python', allowRelaxed: true }, quick).expect(201);
        const ended = (user: TestUser) => harness.statusOf(user.id).find((m) => m.status === 'timed_out' || m.status === 'matched');
        await waitFor(() => ended(blocker) !== undefined && ended(blocked) !== undefined, 10_000, 'both to end');
        expect(harness.statusOf(blocker.id).map((m) => m.status)).toEqual(expect.arrayContaining(['relaxed', 'timed_out']));
        expect([ended(blocker)?.status, ended(blocked)?.status]).toEqual(['timed_out', 'timed_out']);
      } finally {
        await quick.stop();
      }
    });

    it("forgets a deleted user's blocks both ways round, and counts a repeated block once", async () => {
      const [deleted, peer, other] = [await harness.user(), await harness.user(), await harness.user()];
      await block(deleted, peer);
      await block(other, deleted);
      await block(deleted, peer);
      expect((await blockedOf(deleted.id)).sort()).toEqual([peer.id, other.id].sort());
      await block(peer, other);
      await harness.roomEvents.publish('user.deleted', { userId: deleted.id });
      await waitFor(async () => (await blockedOf(deleted.id)).length === 0, 10_000, 'the deleted user\'s set to go');
      expect(await blockedOf(peer.id)).toEqual([other.id]);
      expect(await blockedOf(other.id)).toEqual([peer.id]);
    });
  });

  it('pairs the oldest compatible request first (FIFO)', async () => {
    const topic = freshTopic();
    const [first, second, third] = [await harness.user(), await harness.user(), await harness.user()];
    await ask(first, { difficulty: 'HARD', topics: [topic], language: 'cpp' }).expect(201);
    // Incompatible: another difficulty.
    const other = await harness.user();
    await ask(other, { difficulty: 'EASY', topics: [topic], language: 'cpp' }).expect(201);
    await ask(second, { difficulty: 'HARD', topics: [topic, freshTopic()], language: 'cpp' }).expect(201);
    // first and second pair at once: same difficulty and topic.
    expect((await current(second)).body.match.peer.id).toBe(first.id);
    const newcomer = await ask(third, { difficulty: 'EASY', topics: [topic], language: 'cpp' }).expect(201);
    expect(newcomer.body.match.peer.id).toBe(other.id);
  });

  it('prefers the oldest compatible request with the same language, else the oldest', async () => {
    const topic = freshTopic();
    const [pythonFan, javaFan, newcomer, late] = [await harness.user(), await harness.user(), await harness.user(), await harness.user()];
    await ask(pythonFan, { difficulty: 'MEDIUM', topics: [topic], language: 'python', allowRelaxed: false }).expect(201);
    // The first two share no topic, so both wait.
    const javaTopic = freshTopic();
    await ask(javaFan, { difficulty: 'MEDIUM', topics: [javaTopic], language: 'java' }).expect(201);
    const paired = await ask(newcomer, { difficulty: 'MEDIUM', topics: [javaTopic, topic], language: 'java' }).expect(201);
    expect(paired.body.match.peer.id).toBe(javaFan.id);
    const fallback = await ask(late, { difficulty: 'MEDIUM', topics: [topic], language: 'java' }).expect(201);
    expect(fallback.body.match.peer.id).toBe(pythonFan.id);
    const found = await waitForMatchOf(late.id);
    expect(found.language).toBe('python');
  });

  it('removes a waiting user whose every socket closed, after the grace period, and keeps one who reconnected', async () => {
    const [leaver, reloader] = [await harness.user(), await harness.user()];
    const leaverSocket = await harness.connect(service, leaver);
    const leaverRequest = await ask(leaver, { difficulty: 'EASY', topics: [freshTopic()], language: 'python' }).expect(201);
    await leaverSocket.close();
    await waitFor(async () => (await current(leaver)).status === 204, 10_000, 'removal after disconnect');
    expect(harness.statusOf(leaver.id)).toContainEqual({
      status: 'cancelled',
      requestId: leaverRequest.body.requestId,
      reason: 'disconnected',
    });

    const first = await harness.connect(service, reloader);
    await ask(reloader, { difficulty: 'EASY', topics: [freshTopic()], language: 'python' }).expect(201);
    const second = await harness.connect(service, reloader);
    await first.close();
    // The reopened socket is told where the request stands.
    expect((await second.next((m) => m.status === 'queued')).status).toBe('queued');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await current(reloader).expect(200);
    await second.close();
    await waitFor(async () => (await current(reloader)).status === 204, 10_000, 'removal after the last socket');
  });


  describe('with short windows', () => {
    let quick: MatchingInstance;
    beforeAll(async () => {
      quick = await harness.startInstance({ MATCH_STRICT_WINDOW_MS: '300', MATCH_RELAXED_WINDOW_MS: '400' });
    });

    const terminal = (messages: MatchStatusMessage[]) =>
      messages.filter((m) => ['matched', 'timed_out', 'cancelled'].includes(m.status));

    it('times a strict request out at its deadline with a clear message', async () => {
      const user = await harness.user();
      const socket = await harness.connect(quick, user);
      const created = await ask(user, { difficulty: 'EASY', topics: [freshTopic()], language: 'python' }, quick).expect(201);
      const timedOut = await socket.next((m) => m.status === 'timed_out');
      expect(timedOut).toMatchObject({ requestId: created.body.requestId, message: expect.stringMatching(/No partner was found/) });
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(created.body.deadline));
      expect(terminal(harness.statusOf(user.id))).toHaveLength(1);
      await socket.close();
    });

    it('after the strict window pairs two relaxed users on a shared topic at different difficulties', async () => {
      const topic = freshTopic();
      const [easy, hard] = [await harness.user(), await harness.user()];
      const easySocket = await harness.connect(quick, easy);
      const a = await ask(easy, { difficulty: 'EASY', topics: [topic], language: 'python', allowRelaxed: true }, quick).expect(201);
      await ask(hard, { difficulty: 'HARD', topics: [topic], language: 'java', allowRelaxed: true }, quick).expect(201);
      expect(await easySocket.next((m) => m.status === 'relaxed')).toEqual({ status: 'relaxed', requestId: a.body.requestId, deadline: a.body.deadline });
      const matched = await easySocket.next((m) => m.status === 'matched');
      expect(matched).toMatchObject({ peer: { id: hard.id }, difficulty: 'EASY', topics: [topic], language: 'python' });
      const found = await waitForMatchOf(easy.id);
      expect(found.relaxed).toBe(true);
      await easySocket.close();
    });

    it('never relaxes a user who did not allow it, and times a relaxed request out after the relaxed window', async () => {
      const topic = freshTopic();
      const [relaxed, strict] = [await harness.user(), await harness.user()];
      await ask(relaxed, { difficulty: 'EASY', topics: [topic], language: 'python', allowRelaxed: true }, quick).expect(201);
      await ask(strict, { difficulty: 'MEDIUM', topics: [topic], language: 'python', allowRelaxed: false }, quick).expect(201);
      await waitFor(() => terminal(harness.statusOf(relaxed.id)).length > 0, 10_000, 'the relaxed request to end');
      await waitFor(() => terminal(harness.statusOf(strict.id)).length > 0, 10_000, 'the strict request to end');
      expect(terminal(harness.statusOf(relaxed.id))).toEqual([expect.objectContaining({ status: 'timed_out' })]);
      expect(terminal(harness.statusOf(strict.id))).toEqual([expect.objectContaining({ status: 'timed_out' })]);
      expect(harness.statusOf(strict.id).some((m) => m.status === 'relaxed')).toBe(false);
    });
  });
});
