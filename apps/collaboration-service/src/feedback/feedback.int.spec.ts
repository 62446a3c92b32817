import { randomUUID } from 'node:crypto';
import {
  attemptFeedbackSchema,
  DEFAULT_RUBRIC,
  eventCatalog,
  feedbackSummarySchema,
  feedbackViewSchema,
  peerBlockedPayloadSchema,
  peerBlockViewSchema,
  roomFeedbackSchema,
  type EventEnvelope,
  type PeerBlockedPayload,
} from '@peerprep/contracts';
import { createMessaging, type Messaging } from '@peerprep/messaging';
import { createLogger } from '@peerprep/service-kit';
import { waitFor } from '@peerprep/testing';
import request from 'supertest';
import { CollabHarness, type CollabInstance, type TestUser } from '../../test/collab-harness';
import { pairRoom, ROUND_ONE_RUBRIC, startedInterview, type StartedInterview } from '../../test/pane-fixtures';

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Scores for every criterion of a rubric. */
const scoresFor = (rubric: readonly { id: string }[], score: number) => Object.fromEntries(rubric.map((criterion) => [criterion.id, score]));

describe('feedback after a mock interview, its summary, and blocking (issue #18 item 6)', () => {
  let harness: CollabHarness;
  let instance: CollabInstance;
  /** Added to the replica's clock: feedback shows 24 h after the close. */
  let offset = 0;
  let stranger: TestUser;
  let observer: Messaging;
  /** Every peer.blocked that reached RabbitMQ, as its envelope. */
  const blocked: EventEnvelope<'peer.blocked', PeerBlockedPayload>[] = [];

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_feedback');
    instance = await harness.startInstance({}, { now: () => Date.now() + offset });
    stranger = await harness.user('Mallory');
    const { rabbit } = harness.infra;
    observer = createMessaging({ url: rabbit.url, serviceName: 'block-observer', exchange: rabbit.exchange, logger: createLogger({ name: 'block-observer', level: 'silent' }) });
    await observer.subscribe({
      queue: rabbit.queueName('block-observer'),
      handlers: { 'peer.blocked': async (event) => void blocked.push(event as EventEnvelope<'peer.blocked', PeerBlockedPayload>) },
    });
  });

  beforeEach(() => {
    offset = 0;
  });

  afterAll(async () => {
    await observer?.close();
    await harness?.stop();
  });

  const as = (user: TestUser | null, req: request.Test) => (user ? req.set('authorization', `Bearer ${user.token}`) : req);
  const submit = (user: TestUser | null, roomId: string, body: unknown) => as(user, request(instance.url).post(`/api/rooms/${roomId}/feedback`)).send(body as object);
  const feedbackOf = async (user: TestUser, roomId: string) =>
    roomFeedbackSchema.parse((await as(user, request(instance.url).get(`/api/rooms/${roomId}/feedback`)).expect(200)).body);
  const endRoom = (user: TestUser, roomId: string) => as(user, request(instance.url).post(`/api/rooms/${roomId}/end`)).expect(200);
  const block = (user: TestUser | null, roomId: string) => as(user, request(instance.url).post(`/api/rooms/${roomId}/block`));
  const summaryOf = async (user: TestUser) =>
    feedbackSummarySchema.parse((await as(user, request(instance.url).get('/api/feedback/summary')).expect(200)).body);
  const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((error) => error.field).sort();

  /** An interview played through both rounds (Alice interviews first) and ended by Alice: the room is closed. */
  async function playedInterview(users?: [TestUser, TestUser]): Promise<StartedInterview & { closedAt: number }> {
    const interview = await startedInterview(harness, users);
    await interview.rounds.endRound(interview.roomId, interview.alice.id, 1);
    await endRoom(interview.alice, interview.roomId);
    const room = await harness.prisma.room.findUniqueOrThrow({ where: { id: interview.roomId } });
    return { ...interview, closedAt: (room.closedAt as Date).getTime() };
  }

  describe('POST /api/rooms/:id/feedback', () => {
    it('refuses feedback while the session runs (409 naming id), then takes each peer\'s once (409 the second time)', async () => {
      const interview = await startedInterview(harness);
      const { alice, bob, roomId } = interview;
      expect(fieldsOf((await submit(alice, roomId, { scores: scoresFor(ROUND_ONE_RUBRIC, 3), comment: '' }).expect(409)).body)).toEqual(['id']);

      await interview.rounds.endRound(roomId, alice.id, 1);
      await endRoom(bob, roomId);
      // Alice interviewed round one: she rates Bob on its rubric; Bob rates Alice on round two's (the default).
      const given = feedbackViewSchema.parse((await submit(alice, roomId, { scores: { approach: 4, clarity: 2 }, comment: 'Clear and quick.' }).expect(201)).body);
      expect(given).toMatchObject({
        round: 1,
        questionId: interview.setup.questionIds[0],
        scores: [
          { criterionId: 'approach', title: 'Approach', score: 4 },
          { criterionId: 'clarity', title: 'Clarity', score: 2 },
        ],
        comment: 'Clear and quick.',
      });
      expect(fieldsOf((await submit(alice, roomId, { scores: { approach: 1, clarity: 1 }, comment: '' }).expect(409)).body)).toEqual(['id']);
      await submit(bob, roomId, { scores: scoresFor(DEFAULT_RUBRIC, 3), comment: '' }).expect(201);
    });

    it('answers 400 naming each missing, unknown or out-of-range criterion, and a comment too long', async () => {
      const { alice, roomId } = await playedInterview();
      expect(fieldsOf((await submit(alice, roomId, { scores: { approach: 3 }, comment: '' }).expect(400)).body)).toEqual(['scores.clarity']);
      expect(fieldsOf((await submit(alice, roomId, { scores: { approach: 3, clarity: 3, testing: 2 }, comment: '' }).expect(400)).body)).toEqual(['scores.testing']);
      expect(fieldsOf((await submit(alice, roomId, { scores: { approach: 5, clarity: 3 }, comment: '' }).expect(400)).body)).toEqual(['scores.approach']);
      expect(fieldsOf((await submit(alice, roomId, { scores: { approach: 0, clarity: 3 }, comment: '' }).expect(400)).body)).toEqual(['scores.approach']);
      expect(fieldsOf((await submit(alice, roomId, { scores: { approach: 3, clarity: 3 }, comment: 'x'.repeat(2_001) }).expect(400)).body)).toEqual(['comment']);
      expect(fieldsOf((await submit(alice, roomId, { scores: { approach: 3, clarity: 3 } }).expect(400)).body)).toEqual(['comment']);
      expect(fieldsOf((await submit(alice, roomId, { comment: '' }).expect(400)).body)).toEqual(['scores']);
      // Nothing was stored by any of them: the valid one is still the first.
      await submit(alice, roomId, { scores: { approach: 3, clarity: 3 }, comment: '' }).expect(201);
    });

    it('refuses a stranger (403), no token (401), an unknown room and a pair room (404), a malformed id (400)', async () => {
      const { roomId } = await playedInterview();
      const body = { scores: scoresFor(ROUND_ONE_RUBRIC, 2), comment: '' };
      await submit(stranger, roomId, body).expect(403);
      await submit(null, roomId, body).expect(401);
      await submit(stranger, randomUUID(), body).expect(404);
      const pair = await pairRoom(harness);
      await endRoom(pair.alice, pair.roomId);
      await submit(pair.alice, pair.roomId, body).expect(404);
      expect(fieldsOf((await submit(stranger, 'nope', body).expect(400)).body)).toEqual(['id']);
    });

    it('answers 409 to a peer whose partner was never a candidate (the session ended in round one)', async () => {
      const interview = await startedInterview(harness);
      await endRoom(interview.bob, interview.roomId);
      // Bob would rate Alice as round two's candidate, and round two never started.
      expect(fieldsOf((await submit(interview.bob, interview.roomId, { scores: scoresFor(DEFAULT_RUBRIC, 2), comment: '' }).expect(409)).body)).toEqual(['id']);
      expect((await feedbackOf(interview.bob, interview.roomId)).toRate).toBeNull();
      await submit(interview.alice, interview.roomId, { scores: scoresFor(ROUND_ONE_RUBRIC, 2), comment: '' }).expect(201);
    });
  });

  describe('GET /api/rooms/:id/feedback: what each peer sees, and when', () => {
    it('tells each peer what to rate (the round they interviewed, its rubric), then hides what they got until both gave theirs', async () => {
      const { alice, bob, roomId, closedAt, setup } = await playedInterview();
      const visibleAt = new Date(closedAt + 24 * HOUR).toISOString();
      const before = await feedbackOf(alice, roomId);
      expect(before).toEqual({ given: null, received: null, receivedVisibleAt: visibleAt, toRate: { round: 1, questionId: setup.questionIds[0], rubric: ROUND_ONE_RUBRIC } });
      expect((await feedbackOf(bob, roomId)).toRate).toEqual({ round: 2, questionId: setup.questionIds[1], rubric: DEFAULT_RUBRIC });

      await submit(alice, roomId, { scores: { approach: 4, clarity: 3 }, comment: 'From Alice' }).expect(201);
      // Bob has not given his: Alice's stays hidden from him, and nothing is received by Alice yet.
      const bobBefore = await feedbackOf(bob, roomId);
      expect(bobBefore).toMatchObject({ given: null, received: null, receivedVisibleAt: visibleAt });
      expect(await feedbackOf(alice, roomId)).toMatchObject({ given: { comment: 'From Alice' }, received: null, receivedVisibleAt: visibleAt, toRate: null });

      await submit(bob, roomId, { scores: scoresFor(DEFAULT_RUBRIC, 2), comment: 'From Bob' }).expect(201);
      expect(await feedbackOf(bob, roomId)).toMatchObject({ given: { comment: 'From Bob' }, received: { round: 1, comment: 'From Alice' }, receivedVisibleAt: null });
      expect(await feedbackOf(alice, roomId)).toMatchObject({ received: { round: 2, comment: 'From Bob' }, receivedVisibleAt: null });
    });

    it('shows feedback given by one peer only 24 hours after the close (the server\'s clock), never before', async () => {
      const { alice, bob, roomId } = await playedInterview();
      await submit(alice, roomId, { scores: { approach: 1, clarity: 1 }, comment: 'Only Alice gave feedback' }).expect(201);
      offset = 24 * HOUR - 60_000;
      expect((await feedbackOf(bob, roomId)).received).toBeNull();
      offset = 24 * HOUR + 1_000;
      expect(await feedbackOf(bob, roomId)).toMatchObject({ received: { comment: 'Only Alice gave feedback' }, receivedVisibleAt: null });
      // Alice gets nothing: Bob never gave any.
      expect(await feedbackOf(alice, roomId)).toMatchObject({ received: null, receivedVisibleAt: null });
    });

    it('shows nothing while the room is open, to a stranger (403) or in a pair room (404)', async () => {
      const interview = await startedInterview(harness);
      expect(await feedbackOf(interview.bob, interview.roomId)).toEqual({ given: null, received: null, receivedVisibleAt: null, toRate: null });
      await as(stranger, request(instance.url).get(`/api/rooms/${interview.roomId}/feedback`)).expect(403);
      const pair = await pairRoom(harness);
      await as(pair.bob, request(instance.url).get(`/api/rooms/${pair.roomId}/feedback`)).expect(404);
    });
  });

  describe('GET /api/history/:id/feedback', () => {
    it('shows the owner of an attempt, per round, the feedback they received as candidate and their own notes as interviewer', async () => {
      const { alice, bob, roomId, setup } = await playedInterview();
      await as(alice, request(instance.url).put(`/api/rooms/${roomId}/interview/rounds/1/notes`)).send({ text: 'Alice\'s private notes' }).expect(200);
      await submit(alice, roomId, { scores: { approach: 3, clarity: 4 }, comment: 'To Bob' }).expect(201);
      const attemptOf = async (user: TestUser) => (await harness.prisma.attempt.findFirstOrThrow({ where: { roomId, userId: user.id } })).id;
      const read = (user: TestUser, attemptId: string) => as(user, request(instance.url).get(`/api/history/${attemptId}/feedback`));

      const bobAttempt = await attemptOf(bob);
      const hidden = attemptFeedbackSchema.parse((await read(bob, bobAttempt).expect(200)).body);
      expect(hidden.rounds).toEqual([
        { index: 1, role: 'candidate', questionId: setup.questionIds[0], feedback: null, feedbackVisibleAt: expect.any(String), notes: null },
        { index: 2, role: 'interviewer', questionId: setup.questionIds[1], feedback: null, feedbackVisibleAt: null, notes: null },
      ]);
      await submit(bob, roomId, { scores: scoresFor(DEFAULT_RUBRIC, 4), comment: 'To Alice' }).expect(201);
      const shown = attemptFeedbackSchema.parse((await read(bob, bobAttempt).expect(200)).body);
      expect(shown.rounds[0].feedback).toMatchObject({ round: 1, comment: 'To Bob' });

      const aliceAttempt = await attemptOf(alice);
      const alices = attemptFeedbackSchema.parse((await read(alice, aliceAttempt).expect(200)).body);
      expect(alices.rounds.map(({ role, notes, feedback }) => ({ role, notes, comment: feedback?.comment ?? null }))).toEqual([
        { role: 'interviewer', notes: 'Alice\'s private notes', comment: null },
        { role: 'candidate', notes: null, comment: 'To Alice' },
      ]);
      // Bob never reads Alice's notes, nor her attempt.
      expect(JSON.stringify(shown)).not.toContain('private notes');
      await read(bob, aliceAttempt).expect(403);
      await read(stranger, aliceAttempt).expect(403);
      await read(alice, randomUUID()).expect(404);
      expect(fieldsOf((await read(alice, 'nope').expect(400)).body)).toEqual(['id']);
    });
  });

  describe('GET /api/feedback/summary', () => {
    it('averages the visible feedback received per criterion, with a series over time; hidden feedback counts for nothing', async () => {
      const carol = await harness.user('Carol');
      expect(await summaryOf(carol)).toEqual({ feedbackCount: 0, criteria: [], series: [] });

      // Two sessions in which Bob was round one's candidate, each rated by its Alice; Bob gave feedback only in the first.
      const first = await playedInterview();
      const { bob } = first;
      const second = await playedInterview([await harness.user('Dana'), bob]);

      await submit(first.alice, first.roomId, { scores: { approach: 4, clarity: 2 }, comment: '' }).expect(201);
      await submit(bob, first.roomId, { scores: scoresFor(DEFAULT_RUBRIC, 3), comment: '' }).expect(201);
      await submit(second.alice, second.roomId, { scores: { approach: 1, clarity: 3 }, comment: '' }).expect(201);

      const now = await summaryOf(bob);
      expect(now.feedbackCount).toBe(1);
      expect(now.criteria).toEqual([
        { id: 'approach', title: 'Approach', average: 4, count: 1 },
        { id: 'clarity', title: 'Clarity', average: 2, count: 1 },
      ]);

      offset = 25 * HOUR;
      const later = await summaryOf(bob);
      expect(later.feedbackCount).toBe(2);
      expect(later.criteria).toEqual([
        { id: 'approach', title: 'Approach', average: 2.5, count: 2 },
        { id: 'clarity', title: 'Clarity', average: 2.5, count: 2 },
      ]);
      expect(later.series.map(({ roomId, round, scores }) => ({ roomId, round, scores: scores.map((s) => s.score) }))).toEqual([
        { roomId: first.roomId, round: 1, scores: [4, 2] },
        { roomId: second.roomId, round: 1, scores: [1, 3] },
      ]);
      expect(later.series[0].date).toBe(new Date(first.closedAt).toISOString());
      // Alice of the first session got Bob's: the default rubric's four criteria, 3 each.
      expect((await summaryOf(first.alice)).criteria.map(({ id, average }) => ({ id, average }))).toEqual(
        DEFAULT_RUBRIC.map((criterion) => ({ id: criterion.id, average: 3 })),
      );
      await as(null, request(instance.url).get('/api/feedback/summary')).expect(401);
    });
  });

  describe('POST /api/rooms/:id/block', () => {
    it('blocks the other participant once, during the session, and publishes peer.blocked to RabbitMQ through the outbox', async () => {
      const interview = await startedInterview(harness);
      const { alice, bob, roomId } = interview;
      const first = peerBlockViewSchema.parse((await block(alice, roomId).expect(200)).body);
      expect(first).toMatchObject({ blockedId: bob.id, roomId });
      await waitFor(() => blocked.some((event) => event.payload.blockerId === alice.id), 10_000, 'peer.blocked on RabbitMQ');
      const event = blocked.find((candidate) => candidate.payload.blockerId === alice.id) as EventEnvelope<'peer.blocked', PeerBlockedPayload>;
      expect(event).toMatchObject({ type: 'peer.blocked', version: eventCatalog['peer.blocked'].version });
      expect(peerBlockedPayloadSchema.parse(event.payload)).toEqual({ blockerId: alice.id, blockedId: bob.id, roomId, blockedAt: first.blockedAt });

      // Idempotent: the same block, and no second event.
      expect(peerBlockViewSchema.parse((await block(alice, roomId).expect(200)).body)).toEqual(first);
      await sleep(500);
      expect(blocked.filter((candidate) => candidate.payload.blockerId === alice.id)).toHaveLength(1);
      expect(await harness.prisma.outboxEvent.count({ where: { type: 'peer.blocked' } })).toBe(0);
    });

    it('lets a peer block after the session and in pair practice; refuses a stranger (403), an unknown room (404), no token (401)', async () => {
      const { bob, alice, roomId } = await playedInterview();
      expect((await block(bob, roomId).expect(200)).body).toMatchObject({ blockedId: alice.id });
      const pair = await pairRoom(harness);
      expect((await block(pair.bob, pair.roomId).expect(200)).body).toMatchObject({ blockedId: pair.alice.id });
      await block(stranger, roomId).expect(403);
      await block(stranger, randomUUID()).expect(404);
      await block(null, roomId).expect(401);
      expect(fieldsOf((await block(bob, 'nope').expect(400)).body)).toEqual(['id']);
      await waitFor(() => blocked.some((event) => event.payload.blockerId === pair.bob.id), 10_000, 'the pair room\'s peer.blocked');
    });
  });

  describe('user.deleted', () => {
    it('forgets what the deleted user received, their notes and blocks; what they gave stays with its receiver, shown at once', async () => {
      const { alice, bob, roomId } = await playedInterview();
      await as(alice, request(instance.url).put(`/api/rooms/${roomId}/interview/rounds/1/notes`)).send({ text: 'notes' }).expect(200);
      await submit(alice, roomId, { scores: { approach: 2, clarity: 2 }, comment: 'Alice to Bob' }).expect(201);
      await submit(bob, roomId, { scores: scoresFor(DEFAULT_RUBRIC, 4), comment: 'Bob to Alice' }).expect(201);
      await block(alice, roomId).expect(200);
      // A second pair: Carol gave, Dave had not yet, then Carol deleted her account.
      const other = await playedInterview();
      await submit(other.alice, other.roomId, { scores: { approach: 3, clarity: 3 }, comment: 'Carol to Dave' }).expect(201);
      expect((await feedbackOf(other.bob, other.roomId)).received).toBeNull();

      await harness.events.publish('user.deleted', { userId: alice.id });
      await waitFor(
        async () => (await harness.prisma.interviewFeedback.count({ where: { receiverId: alice.id } })) === 0,
        10_000,
        'Alice\'s received feedback to go',
      );
      expect(await harness.prisma.interviewerNote.count({ where: { authorId: alice.id } })).toBe(0);
      expect(await harness.prisma.peerBlock.count({ where: { OR: [{ blockerId: alice.id }, { blockedId: alice.id }] } })).toBe(0);
      // Bob's feedback on Alice went with her; hers on him stays, from nobody.
      expect(await feedbackOf(bob, roomId)).toMatchObject({ given: null, received: { comment: 'Alice to Bob' }, toRate: null });
      expect(await harness.prisma.interviewFeedback.findFirstOrThrow({ where: { roomId, round: 1 } })).toMatchObject({ giverId: null });
      // Nobody is left to block or rate.
      expect(fieldsOf((await block(bob, roomId).expect(409)).body)).toEqual(['id']);
      expect(fieldsOf((await submit(bob, roomId, { scores: scoresFor(DEFAULT_RUBRIC, 1), comment: '' }).expect(409)).body)).toEqual(['id']);

      // Dave can never rate Carol now: hers shows at once, not after 24 hours.
      await harness.events.publish('user.deleted', { userId: other.alice.id });
      await waitFor(
        async () => (await harness.prisma.interviewFeedback.count({ where: { roomId: other.roomId, giverId: null } })) === 1,
        10_000,
        'Carol\'s feedback to be anonymised',
      );
      expect((await feedbackOf(other.bob, other.roomId)).received).toMatchObject({ comment: 'Carol to Dave' });
    });
  });
});
