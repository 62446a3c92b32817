import { randomUUID } from 'node:crypto';
import {
  attemptDetailSchema,
  COLLAB_CLOSE_CODES,
  historyPageSchema,
  interviewViewSchema,
  ROOM_INTERVIEW_MESSAGE_TYPE,
  roomDocument,
  roomViewSchema,
  runViewSchema,
  type InterviewView,
  type Question,
} from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import * as encoding from 'lib0/encoding';
import request from 'supertest';
import type { WebSocket } from 'ws';
import { CollabHarness, testQuestion, type CollabInstance, type TestClient, type TestUser } from '../../test/collab-harness';

/** A question with one visible test of `solve(a, b)` and its own starter code per language (so a test sees which question an editor holds). */
function interviewQuestion(label: string): Question {
  const base = testQuestion({ testCases: [{ args: [1, 2], expected: 3, hidden: false }] });
  return {
    ...base,
    title: `${label} ${base.id.slice(0, 6)}`,
    starterCode: Object.fromEntries(
      Object.entries(base.starterCode).map(([language, code]) => [language, `// ${label}\n${code}`]),
    ) as Question['starterCode'],
  };
}

const ROUND_SECONDS = 120;

describe('mock interview rounds in rooms (issue #18)', () => {
  let harness: CollabHarness;
  let service: CollabInstance;
  let alice: TestUser;
  let bob: TestUser;
  let first: Question;
  let second: Question;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_interview');
    service = await harness.startInstance({ INTERVIEW_ROUND_SECONDS_OVERRIDE: String(ROUND_SECONDS) });
    await harness.startExecutor();
  });

  beforeEach(async () => {
    first = interviewQuestion('first');
    second = interviewQuestion('second');
    harness.questions = [first, second];
    alice = await harness.user('Alice');
    bob = await harness.user('Bob');
  });

  afterEach(() => harness.disconnectAll());

  afterAll(async () => {
    await harness?.stop();
  });

  const as = (user: TestUser, on: Pick<CollabInstance, 'url'> = service) => ({
    get: (path: string) => request(on.url).get(path).set('authorization', `Bearer ${user.token}`),
    post: (path: string, body: object = {}) => request(on.url).post(path).set('authorization', `Bearer ${user.token}`).send(body),
  });

  const latest = (client: TestClient): InterviewView | undefined => client.interviews.at(-1);

  async function viewIn(client: TestClient, phase: InterviewView['phase'], what = `the ${phase} view`): Promise<InterviewView> {
    await waitFor(() => latest(client)?.phase === phase, 15_000, what);
    return latest(client) as InterviewView;
  }

  /** An interview room of alice and bob in python, both connected to `on` (or each to their own replica). */
  async function startedInterview(on: { alice: CollabInstance; bob: CollabInstance } = { alice: service, bob: service }) {
    const { roomId } = await harness.openRoom([alice, bob], { mode: 'interview', minutes: 30, language: 'python' });
    const a = harness.client(on.alice, alice, roomId);
    const b = harness.client(on.bob, bob, roomId);
    await Promise.all([harness.synced(a), harness.synced(b)]);
    const [viewA, viewB] = await Promise.all([viewIn(a, 'round1'), viewIn(b, 'round1')]);
    const interviewer = viewA.currentRound?.interviewerId === alice.id ? alice : bob;
    const candidate = interviewer === alice ? bob : alice;
    const clientOf = (user: TestUser) => (user === alice ? a : b);
    return { roomId, a, b, viewA, viewB, interviewer, candidate, clientOf };
  }

  it('opens a mock interview with two different questions, the second hidden until round two', async () => {
    const { roomId } = await harness.openRoom([alice, bob], { mode: 'interview', minutes: 30 });
    const room = await harness.prisma.room.findUniqueOrThrow({ where: { id: roomId } });
    expect(room.questionId).toBe(first.id);
    expect(room.question2Id).toBe(second.id);
    const view = roomViewSchema.parse((await as(alice).get(`/api/rooms/${roomId}`).expect(200)).body);
    expect(view.question.id).toBe(first.id);
    expect(view.secondQuestion).toBeNull();
    expect(JSON.stringify(view)).not.toContain(second.title);
  });

  it('prefers a second question neither peer had, widens to any difficulty of the topics, and never repeats the first', async () => {
    // Alice had `second` in an earlier room: a fresh third one is preferred.
    const third = interviewQuestion('third');
    harness.questions = [second];
    const carol = await harness.user('Carol');
    await harness.openRoom([alice, carol], { mode: 'pair' });
    harness.questions = [first, second, third];
    const fresh = await harness.openRoom([alice, bob], { mode: 'interview' });
    expect(await harness.prisma.room.findUniqueOrThrow({ where: { id: fresh.roomId } })).toMatchObject({ questionId: first.id, question2Id: third.id });

    // Only one EASY question fits: the second comes from another difficulty of the same topic.
    const hard = interviewQuestion('hard');
    hard.difficulty = 'HARD';
    harness.questions = [interviewQuestion('only-easy'), hard];
    const dave = await harness.user('Dave');
    const erin = await harness.user('Erin');
    const widened = await harness.openRoom([dave, erin], { mode: 'interview', difficulty: 'EASY' });
    expect((await harness.prisma.room.findUniqueOrThrow({ where: { id: widened.roomId } })).question2Id).toBe(hard.id);

    // One question in the whole topic: no mock interview (never the same question twice).
    harness.questions = [interviewQuestion('alone')];
    const match = harness.matchFound([await harness.user('Frank'), await harness.user('Grace')], { mode: 'interview' });
    await harness.events.publish('match.found', match);
    await waitFor(() => harness.failed.some((failure) => failure.matchId === match.matchId), 15_000, 'room.failed');
    expect(harness.failed.find((failure) => failure.matchId === match.matchId)).toMatchObject({ reason: 'no_question' });
  });

  it('starts round one once both peers connected: both get the same view with roles, the REST view agrees', async () => {
    const { roomId } = await harness.openRoom([alice, bob], { mode: 'interview', minutes: 30 });
    const a = harness.client(service, alice, roomId);
    await harness.synced(a);
    expect((await viewIn(a, 'waiting')).currentRound).toBeNull();
    // Waiting: nobody writes round one's code yet.
    expect(a.doc.getMap(roomDocument.meta).get(roomDocument.metaKeys.round)).toBe(0);
    expect((await as(alice).get(`/api/rooms/${roomId}/interview`).expect(200)).body).toMatchObject({ phase: 'waiting', currentRound: null, rounds: [] });

    const b = harness.client(service, bob, roomId);
    const [viewA, viewB] = await Promise.all([viewIn(a, 'round1'), viewIn(b, 'round1')]);
    expect(viewA.currentRound).toEqual(viewB.currentRound);
    const round = viewA.currentRound;
    expect(round).not.toBeNull();
    expect([round?.interviewerId, round?.candidateId].sort()).toEqual([alice.id, bob.id].sort());
    expect(Date.parse(round?.endsAt ?? '') - Date.parse(round?.startedAt ?? '')).toBe(ROUND_SECONDS * 1000);
    expect(viewA.rounds[1]).toMatchObject({ index: 2, interviewerId: round?.candidateId, questionId: null, startedAt: null });
    await waitFor(() => a.doc.getMap(roomDocument.meta).get(roomDocument.metaKeys.round) === 1, 5_000, 'round one writable');

    const rest = await as(bob).get(`/api/rooms/${roomId}/interview`).expect(200);
    expect(rest.headers['cache-control']).toBe('no-store');
    const restView = interviewViewSchema.parse(rest.body);
    expect(restView.currentRound).toEqual(round);
    expect(Date.parse(restView.serverNow)).toBeGreaterThanOrEqual(Date.parse(viewA.serverNow));
  });

  it('answers the interview routes to participants only, and a pair room as pair practice', async () => {
    const { roomId } = await harness.openRoom([alice, bob], { mode: 'interview' });
    const stranger = await harness.user('Mallory');
    await request(service.url).get(`/api/rooms/${roomId}/interview`).expect(401);
    await as(stranger).get(`/api/rooms/${roomId}/interview`).expect(403);
    await as(stranger).post(`/api/rooms/${roomId}/interview/rounds/1/end`).expect(403);
    await as(alice).get(`/api/rooms/${randomUUID()}/interview`).expect(404);
    const malformed = await as(alice).get('/api/rooms/nope/interview').expect(400);
    expect(malformed.body.errors[0].field).toBe('id');
    // Round one has not started: no round to end.
    const early = await as(alice).post(`/api/rooms/${roomId}/interview/rounds/1/end`).expect(409);
    expect(early.body.errors[0].field).toBe('round');

    const pair = await harness.openRoom([alice, bob], { mode: 'pair' });
    const pairView = await as(alice).get(`/api/rooms/${pair.roomId}/interview`).expect(200);
    expect(pairView.body).toEqual({ mode: 'pair', serverNow: expect.any(String) });
    await as(alice).post(`/api/rooms/${pair.roomId}/interview/rounds/1/end`).expect(404);
  });

  it('lets only the interviewer end round one: round two swaps roles in a fresh editor with question two\'s starter, round one\'s code stays read-only', async () => {
    const { roomId, a, b, viewA, interviewer, candidate, clientOf } = await startedInterview();
    // Round one's interviewer picks java meanwhile: round two starts in it.
    clientOf(candidate).doc.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, 'java');
    clientOf(candidate).text.insert(0, '# round one\n');
    await waitFor(() => clientOf(interviewer).text.toString().startsWith('# round one'), 5_000, 'round one\'s edit');
    // Nothing of round two before it starts.
    expect(a.doc.getText(roomDocument.round2Code).toString()).toBe('');

    const refused = await as(candidate).post(`/api/rooms/${roomId}/interview/rounds/1/end`).expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const wrongRound = await as(interviewer).post(`/api/rooms/${roomId}/interview/rounds/2/end`).expect(409);
    expect(wrongRound.body.errors[0].field).toBe('round');
    const badRound = await as(interviewer).post(`/api/rooms/${roomId}/interview/rounds/three/end`).expect(400);
    expect(badRound.body.errors[0].field).toBe('round');

    const ended = interviewViewSchema.parse((await as(interviewer).post(`/api/rooms/${roomId}/interview/rounds/1/end`).expect(200)).body);
    expect(ended.phase).toBe('round2');
    expect(ended.currentRound).toMatchObject({ index: 2, interviewerId: candidate.id, candidateId: interviewer.id });
    expect(ended.rounds[0]).toMatchObject({ endReason: 'interviewer', questionId: first.id });
    expect(ended.rounds[1].questionId).toBe(second.id);
    const [twoA, twoB] = await Promise.all([viewIn(a, 'round2'), viewIn(b, 'round2')]);
    expect(twoA.currentRound).toEqual(twoB.currentRound);
    expect(twoA.currentRound?.startedAt).toBe(ended.currentRound?.startedAt);
    expect(Date.parse(twoA.currentRound?.startedAt ?? '')).toBeGreaterThan(Date.parse(viewA.currentRound?.startedAt ?? ''));

    for (const client of [a, b]) {
      await waitFor(() => client.doc.getText(roomDocument.round2Code).length > 0, 5_000, 'round two\'s editor');
      expect(client.doc.getText(roomDocument.round2Code).toString()).toBe(second.starterCode.java);
      expect(client.doc.getMap(roomDocument.meta).get(roomDocument.metaKeys.round2Language)).toBe('java');
      expect(client.text.toString()).toBe(`# round one\n${first.starterCode.python}`);
    }
    const room = roomViewSchema.parse((await as(candidate).get(`/api/rooms/${roomId}`).expect(200)).body);
    expect(room.secondQuestion?.id).toBe(second.id);

    // Round two's code is the candidate's (round one's interviewer) to write now.
    clientOf(interviewer).doc.getText(roomDocument.round2Code).insert(0, '// answer\n');
    await waitFor(() => clientOf(candidate).doc.getText(roomDocument.round2Code).toString().startsWith('// answer'), 5_000, 'round two\'s edit');

    // Round one's code is over: a write to it closes the socket with 4422 and never reaches the peer.
    const closed = harness.refusal(clientOf(candidate));
    clientOf(candidate).text.insert(0, 'late ');
    expect((await closed).code).toBe(COLLAB_CLOSE_CODES.writeRefused);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(clientOf(interviewer).text.toString()).toBe(`# round one\n${first.starterCode.python}`);

    // And its interviewer cannot end round one again.
    const again = await as(interviewer).post(`/api/rooms/${roomId}/interview/rounds/1/end`).expect(409);
    expect(again.body.errors[0].field).toBe('round');
  });

  it('refuses a client write to round two\'s code during round one, and a client sending the interview message', async () => {
    const { a, b } = await startedInterview();
    const early = harness.refusal(a);
    a.doc.getText(roomDocument.round2Code).insert(0, 'peeking');
    expect((await early).code).toBe(COLLAB_CLOSE_CODES.writeRefused);

    const forged = harness.refusal(b);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ROOM_INTERVIEW_MESSAGE_TYPE);
    encoding.writeVarString(encoder, JSON.stringify({ mode: 'interview', phase: 'finished' }));
    (b.provider.ws as unknown as WebSocket).send(encoding.toUint8Array(encoder));
    expect((await forged).code).toBe(COLLAB_CLOSE_CODES.writeRefused);
  });

  it('shows a reconnecting peer the same round end (a reload)', async () => {
    const { roomId, a, viewA } = await startedInterview();
    a.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = harness.client(service, alice, roomId);
    const view = await viewIn(again, 'round1', 'the view after a reload');
    expect(view.currentRound?.endsAt).toBe(viewA.currentRound?.endsAt);
    expect(view.currentRound?.startedAt).toBe(viewA.currentRound?.startedAt);
    expect(Date.parse(view.serverNow)).toBeGreaterThan(Date.parse(viewA.serverNow));
  });

  it('delivers the view to a peer on another replica, and round two\'s editor with it', async () => {
    const other = await harness.startInstance({ INTERVIEW_ROUND_SECONDS_OVERRIDE: String(ROUND_SECONDS) });
    try {
      const { roomId, viewA, viewB, interviewer, clientOf } = await startedInterview({ alice: service, bob: other });
      expect(viewB.currentRound).toEqual(viewA.currentRound);
      // The end goes to alice's replica; bob hears of it on his.
      await as(interviewer, service).post(`/api/rooms/${roomId}/interview/rounds/1/end`).expect(200);
      const onOther = await viewIn(clientOf(bob), 'round2', 'round two on the other replica');
      expect(onOther.currentRound?.interviewerId).not.toBe(interviewer.id);
      await waitFor(() => clientOf(bob).doc.getText(roomDocument.round2Code).toString() === second.starterCode.python, 10_000, 'round two\'s editor on the other replica');
    } finally {
      harness.disconnectAll();
      await other.stop();
    }
  });

  it('runs the round being played: round two runs question two\'s tests on round two\'s code', async () => {
    const { roomId, interviewer } = await startedInterview();
    const one = runViewSchema.parse((await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(202)).body);
    expect(one).toMatchObject({ round: 1, question: { id: first.id } });
    expect((await harness.jobOf(one.id)).code).toBe(first.starterCode.python);
    await harness.events.publish('execution.finished', { runId: one.id, outcome: 'failed', error: 'stopped by the test', finishedAt: new Date().toISOString() });
    await waitFor(async () => (await harness.prisma.run.findUniqueOrThrow({ where: { id: one.id } })).finishedAt !== null, 10_000, 'run one to end');

    await as(interviewer).post(`/api/rooms/${roomId}/interview/rounds/1/end`).expect(200);
    await waitFor(async () => {
      const response = await as(bob).post(`/api/rooms/${roomId}/runs`, { kind: 'run' });
      if (response.status !== 202) return false;
      const two = runViewSchema.parse(response.body);
      expect(two).toMatchObject({ round: 2, question: { id: second.id } });
      expect((await harness.jobOf(two.id)).code).toBe(second.starterCode.python);
      return true;
    }, 10_000, 'a run in round two');
  });

  it('keeps both rounds in the attempt: questions, roles, code, language, times, runs, and each chat line\'s round', async () => {
    const { roomId, interviewer, candidate, clientOf } = await startedInterview();
    await harness.chat(clientOf(candidate), 'hello in round one');
    clientOf(candidate).text.insert(0, '# one\n');
    await waitFor(() => clientOf(interviewer).text.toString().startsWith('# one'), 5_000, 'round one\'s edit');
    await as(interviewer).post(`/api/rooms/${roomId}/interview/rounds/1/end`).expect(200);
    await waitFor(() => clientOf(interviewer).doc.getText(roomDocument.round2Code).length > 0, 5_000, 'round two\'s editor');
    clientOf(interviewer).doc.getText(roomDocument.round2Code).insert(0, '# two\n');
    await harness.chat(clientOf(interviewer), 'hello in round two');
    await waitFor(() => clientOf(candidate).doc.getText(roomDocument.round2Code).toString().startsWith('# two'), 5_000, 'round two\'s edit');
    const run = runViewSchema.parse((await as(candidate).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(202)).body);

    await as(candidate).post(`/api/rooms/${roomId}/end`).expect(200);
    await viewIn(clientOf(candidate), 'finished', 'the finished view');

    const page = historyPageSchema.parse((await as(candidate).get('/api/history').expect(200)).body);
    const summary = page.items.find((item) => item.roomId === roomId);
    expect(summary?.mode).toBe('interview');
    const detail = attemptDetailSchema.parse((await as(candidate).get(`/api/history/${summary?.id}`).expect(200)).body);
    expect(detail.rounds).toHaveLength(2);
    const [one, two] = detail.rounds ?? [];
    expect(one).toMatchObject({
      index: 1,
      question: { id: first.id },
      role: 'candidate',
      endReason: 'interviewer',
      language: 'python',
      finalCode: `# one\n${first.starterCode.python}`,
    });
    expect(two).toMatchObject({
      index: 2,
      question: { id: second.id },
      role: 'interviewer',
      endReason: 'session',
      language: 'python',
      finalCode: `# two\n${second.starterCode.python}`,
    });
    expect(Date.parse(two.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(one.endedAt ?? ''));
    expect(one.runs).toEqual([]);
    expect(two.runs.map((r) => r.id)).toEqual([run.id]);
    expect(detail.chat.map((line) => [line.text, line.round])).toEqual([
      ['hello in round one', 1],
      ['hello in round two', 2],
    ]);
    // The partner's attempt sees the same rounds from the other side.
    const theirs = attemptDetailSchema.parse(
      (await as(interviewer).get(`/api/history/${(await harness.prisma.attempt.findFirstOrThrow({ where: { roomId, userId: interviewer.id } })).id}`).expect(200)).body,
    );
    expect(theirs.rounds?.map((round) => round.role)).toEqual(['interviewer', 'candidate']);
  });

  it('leaves pair practice as it was: no rounds, no interview messages, the code always writable', async () => {
    const { roomId } = await harness.openRoom([alice, bob], { mode: 'pair' });
    const a = harness.client(service, alice, roomId);
    const b = harness.client(service, bob, roomId);
    await Promise.all([harness.synced(a), harness.synced(b)]);
    a.text.insert(0, '# pair\n');
    await waitFor(() => b.text.toString().startsWith('# pair'), 5_000, 'the pair edit');
    expect(a.doc.getMap(roomDocument.meta).has(roomDocument.metaKeys.round)).toBe(false);
    const run = runViewSchema.parse((await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(202)).body);
    expect(run).not.toHaveProperty('round');
    await as(bob).post(`/api/rooms/${roomId}/end`).expect(200);
    const attempt = await harness.prisma.attempt.findFirstOrThrow({ where: { roomId, userId: alice.id } });
    const detail = attemptDetailSchema.parse((await as(alice).get(`/api/history/${attempt.id}`).expect(200)).body);
    expect(detail.rounds).toBeUndefined();
    expect(detail.chat.every((line) => line.round === undefined)).toBe(true);
    expect(a.interviews).toEqual([]);
    expect(b.interviews).toEqual([]);
  });
});

describe('mock interview rounds that time out', () => {
  let harness: CollabHarness;
  let service: CollabInstance;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_interview_short');
    service = await harness.startInstance({ INTERVIEW_ROUND_SECONDS_OVERRIDE: '2' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('ends a short round by itself, starts round two, and closes the room when round two is up, attempts saved', async () => {
    const [first, second] = [testQuestion(), testQuestion()];
    harness.questions = [first, second];
    const [alice, bob] = [await harness.user('Alice'), await harness.user('Bob')];
    const { roomId } = await harness.openRoom([alice, bob], { mode: 'interview' });
    const a = harness.client(service, alice, roomId);
    const b = harness.client(service, bob, roomId);
    await waitFor(() => a.interviews.at(-1)?.phase === 'round1', 15_000, 'round one');
    await waitFor(() => b.interviews.at(-1)?.phase === 'round2', 15_000, 'round two by time');
    const two = b.interviews.at(-1) as InterviewView;
    expect(two.rounds[0]).toMatchObject({ endReason: 'time' });
    expect(two.rounds[0].endedAt).toBe(two.rounds[0].endsAt);
    await waitFor(() => a.interviews.at(-1)?.phase === 'finished', 15_000, 'the interview over by time');
    await waitFor(() => harness.closed.some((closed) => closed.roomId === roomId), 15_000, 'room.closed');
    expect(harness.closed.find((closed) => closed.roomId === roomId)?.closedBy).toBeNull();
    const room = await request(service.url).get(`/api/rooms/${roomId}`).set('authorization', `Bearer ${alice.token}`).expect(200);
    expect(room.body).toMatchObject({ status: 'CLOSED', closedBy: null });
    const attempt = await harness.prisma.attempt.findFirstOrThrow({ where: { roomId, userId: bob.id } });
    const detail = attemptDetailSchema.parse(
      (await request(service.url).get(`/api/history/${attempt.id}`).set('authorization', `Bearer ${bob.token}`).expect(200)).body,
    );
    expect(detail.rounds?.map((round) => round.endReason)).toEqual(['time', 'time']);
    harness.disconnectAll();
  });
});
