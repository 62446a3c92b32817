import { randomUUID } from 'node:crypto';
import {
  attemptDetailSchema,
  historyPageSchema,
  MAX_SOURCE_BYTES,
  roomRunsResponseSchema,
  runDetailSchema,
  runsPageSchema,
  runViewSchema,
  type ExecutionResult,
  type Question,
  type RunView,
} from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import request from 'supertest';
import { CollabHarness, testQuestion, type CollabInstance, type TestClient, type TestUser } from '../../test/collab-harness';

/** A question with two visible and two hidden tests of `solve(a: int, b: int): int`. */
function runnableQuestion(): Question {
  return testQuestion({
    testCases: [
      { args: [1, 2], expected: 3, hidden: false },
      { args: [5, 5], expected: 10, hidden: false },
      { args: [-1, 1], expected: 0, hidden: true },
      { args: [100, 1], expected: 101, hidden: true },
    ],
  });
}

function accepted(total: number): ExecutionResult {
  return {
    status: 'accepted',
    summary: `Accepted ${total}/${total}`,
    passed: total,
    total,
    firstFailure: null,
    compile: { ok: true, output: '', diagnostics: [], timeMs: 12 },
    tests: Array.from({ length: total }, (_, index) => ({ index, hidden: false, verdict: 'passed' as const, timeMs: 0.5 })),
    totalTimeMs: 48,
    peakMemoryBytes: 12_000_000,
  };
}

describe('runs: Run and Submit in rooms and alone', () => {
  let harness: CollabHarness;
  let service: CollabInstance;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_runs');
    service = await harness.startInstance();
    await harness.startExecutor();
  });

  beforeEach(async () => {
    harness.questions = [runnableQuestion()];
    alice = await harness.user('Alice');
    bob = await harness.user('Bob');
  });

  afterEach(() => harness.disconnectAll());

  afterAll(async () => {
    await harness?.stop();
  });

  const as = (user: TestUser) => ({
    get: (path: string, on: Pick<CollabInstance, 'url'> = service) => request(on.url).get(path).set('authorization', `Bearer ${user.token}`),
    post: (path: string, body: unknown, on: Pick<CollabInstance, 'url'> = service) =>
      request(on.url).post(path).set('authorization', `Bearer ${user.token}`).send(body as object),
  });

  /** A room of alice and bob, both connected, with `code` in the editor. */
  async function roomWithCode(code: string, language: 'python' | 'java' = 'python') {
    const { roomId, questionId } = await harness.openRoom([alice, bob], { language });
    const a = harness.client(service, alice, roomId);
    const b = harness.client(service, bob, roomId);
    await Promise.all([harness.synced(a), harness.synced(b)]);
    a.text.delete(0, a.text.length);
    a.text.insert(0, code);
    await waitFor(() => b.text.toString() === code, 5_000, 'the code to reach bob');
    return { roomId, questionId, a, b };
  }

  const lastRun = (client: TestClient, runId: string): RunView | undefined => client.runs.filter((run) => run.id === runId).at(-1);

  async function finish(runId: string, result: ExecutionResult): Promise<void> {
    await harness.events.publish('execution.finished', { runId, outcome: 'done', result, finishedAt: new Date().toISOString() });
  }

  it('runs the room’s live code on the visible tests plus a custom input, and both peers see it live to the end', async () => {
    const code = 'def solve(a, b):\n    return a + b\n';
    const { roomId, a, b } = await roomWithCode(code);

    const created = await as(bob).post(`/api/rooms/${roomId}/runs`, { kind: 'run', customInput: [7, 8] }).expect(202);
    const run = runViewSchema.parse(created.body);
    expect(run).toMatchObject({ roomId, userId: bob.id, userName: 'Bob', kind: 'run', language: 'python', phase: 'queued', result: null, customInput: [7, 8] });

    const job = await harness.jobOf(run.id);
    expect(job).toMatchObject({ runId: run.id, language: 'python', code, entryPoint: { functionName: 'solve' } });
    // Visible tests only, the custom input last without an expected value.
    expect(job.tests).toEqual([
      { args: [1, 2], expected: 3, hidden: false },
      { args: [5, 5], expected: 10, hidden: false },
      { args: [7, 8], hidden: false },
    ]);

    await harness.events.publish('execution.progressed', { runId: run.id, attempt: 1, seq: 1, phase: 'compiling', testIndex: null, testCount: 3 });
    await harness.events.publish('execution.progressed', { runId: run.id, attempt: 1, seq: 2, phase: 'running', testIndex: 1, testCount: 3 });
    for (const client of [a, b]) {
      await waitFor(() => lastRun(client, run.id)?.phase === 'running', 10_000, 'both peers to see the run running');
      expect(lastRun(client, run.id)?.progress).toEqual({ testIndex: 1, testCount: 3 });
      // Never backwards. The two progress events are handled concurrently (the consumer's prefetch): when the
      // later one lands first, the earlier is stale and not announced, so `compiling` may be skipped, never repeated.
      const phases = client.runs.filter((seen) => seen.id === run.id).map((seen) => seen.phase);
      expect([['queued', 'compiling', 'running'], ['queued', 'running']]).toContainEqual(phases);
    }

    await finish(run.id, accepted(3));
    for (const client of [a, b]) {
      await waitFor(() => lastRun(client, run.id)?.phase === 'done', 10_000, 'both peers to see the result');
      expect(lastRun(client, run.id)?.result).toMatchObject({ status: 'accepted', summary: 'Accepted 3/3' });
    }

    const listed = roomRunsResponseSchema.parse((await as(alice).get(`/api/rooms/${roomId}/runs`).expect(200)).body);
    expect(listed.items).toEqual([expect.objectContaining({ id: run.id, phase: 'done', finishedAt: expect.any(String) })]);
    const detail = runDetailSchema.parse((await as(alice).get(`/api/runs/${run.id}`).expect(200)).body);
    expect(detail.code).toBe(code);
  });

  it('submits every test, hidden ones included, in the room’s current language', async () => {
    const { roomId, a } = await roomWithCode('class Solution { int solve(int a, int b) { return a + b; } }', 'java');
    a.doc.getMap('meta').set('language', 'java');
    const run = runViewSchema.parse((await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'submit' }).expect(202)).body);
    const job = await harness.jobOf(run.id);
    expect(job.language).toBe('java');
    expect(job.tests.map((test) => test.hidden)).toEqual([false, false, true, true]);
    expect(job.tests.every((test) => test.expected !== undefined)).toBe(true);
    await finish(run.id, accepted(4));
    await waitFor(async () => (await as(bob).get(`/api/runs/${run.id}`)).body.phase === 'done', 10_000, 'the submit to finish');
  });

  it('refuses bad input with the field named, and lets one run at a time per room and per user', async () => {
    const { roomId } = await roomWithCode('def solve(a, b):\n    return a + b\n');
    const stranger = await harness.user('Mallory');

    await request(service.url).post(`/api/rooms/${roomId}/runs`).send({ kind: 'run' }).expect(401);
    await as(stranger).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(403);
    await as(alice).post(`/api/rooms/${randomUUID()}/runs`, { kind: 'run' }).expect(404);
    const badId = await as(alice).post('/api/rooms/nope/runs', { kind: 'run' }).expect(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id', location: 'params' })]);
    const badKind = await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'debug', extra: 1 }).expect(400);
    expect(badKind.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['extra', 'kind']);
    const badArg = await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run', customInput: [1, 'two'] }).expect(400);
    expect(badArg.body.errors).toEqual([expect.objectContaining({ field: 'customInput.1', message: 'Argument b must be a int' })]);
    const badCount = await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run', customInput: [1] }).expect(400);
    expect(badCount.body.errors).toEqual([expect.objectContaining({ field: 'customInput' })]);
    const customSubmit = await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'submit', customInput: [1, 2] }).expect(400);
    expect(customSubmit.body.errors).toEqual([expect.objectContaining({ field: 'customInput' })]);
    expect(await harness.prisma.run.count({ where: { roomId } })).toBe(0);

    const first = runViewSchema.parse((await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(202)).body);
    const busyRoom = await as(bob).post(`/api/rooms/${roomId}/runs`, { kind: 'submit' }).expect(409);
    expect(busyRoom.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    const busyUser = await as(alice).post('/api/runs', { questionId: harness.questions[0].id, language: 'python', code: 'x = 1', kind: 'run' }).expect(409);
    expect(busyUser.body.detail).toMatch(/your runs/i);

    await finish(first.id, accepted(2));
    await waitFor(async () => (await as(alice).get(`/api/runs/${first.id}`)).body.phase === 'done', 10_000, 'the first run to finish');
    await as(bob).post(`/api/rooms/${roomId}/runs`, { kind: 'submit' }).expect(202);
  });

  it('answers 413 for a room whose code is above 64 KiB, and 409 once the session ended', async () => {
    const { roomId, a } = await roomWithCode('# ' + 'é'.repeat(MAX_SOURCE_BYTES / 2));
    const tooBig = await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(413);
    expect(tooBig.headers['content-type']).toContain('application/problem+json');
    a.text.delete(0, a.text.length);
    a.text.insert(0, 'def solve(a, b):\n    return a + b\n');
    await as(bob).post(`/api/rooms/${roomId}/end`, {}).expect(200);
    const ended = await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(409);
    expect(ended.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    expect(await harness.prisma.run.count({ where: { roomId } })).toBe(0);
  });

  it('never moves a run backwards: late, duplicate and out-of-order events change nothing', async () => {
    const { roomId, a } = await roomWithCode('def solve(a, b):\n    return a + b\n');
    const run = runViewSchema.parse((await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'submit' }).expect(202)).body);
    await harness.events.publish('execution.progressed', { runId: run.id, attempt: 1, seq: 3, phase: 'running', testIndex: 2, testCount: 4 });
    await waitFor(() => lastRun(a, run.id)?.progress?.testIndex === 2, 10_000, 'test 3 running');
    await harness.events.publish('execution.progressed', { runId: run.id, attempt: 1, seq: 2, phase: 'running', testIndex: 1, testCount: 4 });
    // A redelivered job (attempt 2) starts over: its first event is newer than any of attempt 1.
    await harness.events.publish('execution.progressed', { runId: run.id, attempt: 2, seq: 1, phase: 'compiling', testIndex: null, testCount: 4 });
    await waitFor(() => lastRun(a, run.id)?.phase === 'compiling', 10_000, 'the second attempt compiling');
    await finish(run.id, accepted(4));
    await waitFor(() => lastRun(a, run.id)?.phase === 'done', 10_000, 'done');
    await harness.events.publish('execution.finished', { runId: run.id, outcome: 'failed', error: 'late', finishedAt: new Date().toISOString() });
    await harness.events.publish('execution.progressed', { runId: run.id, attempt: 3, seq: 1, phase: 'running', testIndex: 0, testCount: 4 });
    // Something later that does change: a new run, so the events above have been handled by then.
    const next = runViewSchema.parse((await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(202)).body);
    await harness.events.publish('execution.finished', { runId: next.id, outcome: 'failed', error: 'The run was lost twice with the execution service; try again.', finishedAt: new Date().toISOString() });
    await waitFor(() => lastRun(a, next.id)?.phase === 'failed', 10_000, 'the next run failed');

    const phases = a.runs.filter((seen) => seen.id === run.id).map((seen) => `${seen.phase}${seen.progress?.testIndex ?? ''}`);
    expect(phases).toEqual(['queued', 'running2', 'compiling', 'done']);
    const stored = runDetailSchema.parse((await as(bob).get(`/api/runs/${run.id}`).expect(200)).body);
    expect(stored).toMatchObject({ phase: 'done', error: null, result: { status: 'accepted' } });
    expect(lastRun(a, next.id)).toMatchObject({ error: expect.stringContaining('lost twice'), result: null });
  });

  it('lets a student run alone, lists their own runs by question, and shows a run only to its author', async () => {
    const question = harness.questions[0];
    const other = runnableQuestion();
    harness.questions = [question, other];
    const solo = runViewSchema.parse(
      (await as(alice).post('/api/runs', { questionId: question.id, language: 'cpp', code: 'int solve(int a, int b) { return a + b; }', kind: 'submit' }).expect(202)).body,
    );
    expect(solo).toMatchObject({ roomId: null, userId: alice.id, userName: 'Alice', language: 'cpp', kind: 'submit', question: { id: question.id } });
    expect((await harness.jobOf(solo.id)).tests).toHaveLength(4);
    await finish(solo.id, accepted(4));
    await waitFor(async () => (await as(alice).get(`/api/runs/${solo.id}`)).body.phase === 'done', 10_000, 'the solo run to finish');

    const elsewhere = runViewSchema.parse((await as(alice).post('/api/runs', { questionId: other.id, language: 'python', code: 'pass', kind: 'submit' }).expect(202)).body);
    await finish(elsewhere.id, accepted(4));
    await waitFor(async () => (await as(alice).get(`/api/runs/${elsewhere.id}`)).body.phase === 'done', 10_000, 'the second run');

    const mine = runsPageSchema.parse((await as(alice).get(`/api/runs?questionId=${question.id}`).expect(200)).body);
    expect(mine).toMatchObject({ total: 1, page: 1, items: [{ id: solo.id, phase: 'done' }] });
    expect(runsPageSchema.parse((await as(alice).get('/api/runs?pageSize=1').expect(200)).body)).toMatchObject({ total: 2, items: [{ id: elsewhere.id }] });
    expect(runsPageSchema.parse((await as(bob).get('/api/runs').expect(200)).body).total).toBe(0);
    await as(bob).get(`/api/runs/${solo.id}`).expect(403);
    await as(alice).get(`/api/runs/${randomUUID()}`).expect(404);

    const noQuestion = await as(alice).post('/api/runs', { questionId: randomUUID(), language: 'python', code: 'x', kind: 'run' }).expect(400);
    expect(noQuestion.body.errors).toEqual([expect.objectContaining({ field: 'questionId' })]);
    const badBody = await as(alice).post('/api/runs', { questionId: 'two-sum', language: 'go', code: '', kind: 'run' }).expect(400);
    expect(badBody.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['code', 'language', 'questionId']);
    await as(alice).post('/api/runs', { questionId: question.id, language: 'python', code: 'x'.repeat(MAX_SOURCE_BYTES + 1), kind: 'run' }).expect(413);
    await as(alice).get('/api/runs?questionId=nope').expect(400);
    const untested = testQuestion();
    harness.questions = [untested];
    const noTests = await as(alice).post('/api/runs', { questionId: untested.id, language: 'python', code: 'x', kind: 'submit' }).expect(409);
    expect(noTests.body.detail).toMatch(/no tests/);
  });

  it('keeps a room’s runs in both attempts: the last submission in the list, every run in the attempt', async () => {
    const { roomId } = await roomWithCode('def solve(a, b):\n    return a + b\n');
    const submit = runViewSchema.parse((await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'submit' }).expect(202)).body);
    await finish(submit.id, accepted(4));
    await waitFor(async () => (await as(alice).get(`/api/runs/${submit.id}`)).body.phase === 'done', 10_000, 'the submit');
    const run = runViewSchema.parse((await as(bob).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(202)).body);
    await finish(run.id, accepted(2));
    await waitFor(async () => (await as(bob).get(`/api/runs/${run.id}`)).body.phase === 'done', 10_000, 'the run');
    await as(alice).post(`/api/rooms/${roomId}/end`, {}).expect(200);

    for (const user of [alice, bob]) {
      const history = historyPageSchema.parse((await as(user).get('/api/history').expect(200)).body);
      const attempt = history.items.find((item) => item.roomId === roomId);
      expect(attempt?.lastSubmission).toMatchObject({ id: submit.id, kind: 'submit', language: 'python', status: 'accepted', summary: 'Accepted 4/4', totalTimeMs: 48 });
      const detail = attemptDetailSchema.parse((await as(user).get(`/api/history/${attempt?.id}`).expect(200)).body);
      expect(detail.runs.map((seen) => seen.id)).toEqual([run.id, submit.id]);
      expect(detail.lastSubmission?.id).toBe(submit.id);
    }
  });

  it('fails runs nobody finished in time, and frees the room and the user to run again', async () => {
    const { roomId, b } = await roomWithCode('def solve(a, b):\n    return a + b\n');
    const run = runViewSchema.parse((await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(202)).body);
    await service.app.runs.failStaleRuns(60_000);
    expect((await as(alice).get(`/api/runs/${run.id}`).expect(200)).body.phase).toBe('queued');
    // Earlier tests left runs unfinished too: all of them are stale two minutes from now.
    expect(await service.app.runs.failStaleRuns(60_000, new Date(Date.now() + 120_000))).toBeGreaterThanOrEqual(1);
    await waitFor(() => lastRun(b, run.id)?.phase === 'failed', 10_000, 'bob to see the run failed');
    expect(lastRun(b, run.id)?.error).toMatch(/too long/);
    await finish(run.id, accepted(2));
    await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(202);
  });

  it('reaches a peer on another replica, whichever replica hears of the run', async () => {
    const second = await harness.startInstance();
    const { roomId, questionId } = await harness.openRoom([alice, bob]);
    expect(questionId).toBeDefined();
    const a = harness.client(service, alice, roomId);
    const b = harness.client(second, bob, roomId);
    await Promise.all([harness.synced(a), harness.synced(b)]);
    a.text.insert(0, 'def solve(a, b):\n    return a + b\n');
    await waitFor(() => b.text.length > 0, 5_000, 'the code on the second replica');
    const run = runViewSchema.parse((await as(bob).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }, second).expect(202)).body);
    await finish(run.id, accepted(2));
    for (const client of [a, b]) await waitFor(() => lastRun(client, run.id)?.phase === 'done', 10_000, 'both replicas’ clients to see the result');
    await second.stop();
  });

  it('forgets a deleted user’s practice runs and keeps their room runs for the partner, anonymous', async () => {
    const { roomId } = await roomWithCode('def solve(a, b):\n    return a + b\n');
    const roomRun = runViewSchema.parse((await as(alice).post(`/api/rooms/${roomId}/runs`, { kind: 'run' }).expect(202)).body);
    await finish(roomRun.id, accepted(2));
    await waitFor(async () => (await as(alice).get(`/api/runs/${roomRun.id}`)).body.phase === 'done', 10_000, 'the room run');
    const solo = runViewSchema.parse(
      (await as(alice).post('/api/runs', { questionId: harness.questions[0].id, language: 'python', code: 'pass', kind: 'run' }).expect(202)).body,
    );
    await harness.events.publish('user.deleted', { userId: alice.id });
    await waitFor(async () => (await harness.prisma.run.count({ where: { id: solo.id } })) === 0, 10_000, 'the practice run deleted');
    const kept = runDetailSchema.parse((await as(bob).get(`/api/runs/${roomRun.id}`).expect(200)).body);
    expect(kept).toMatchObject({ userId: null, userName: 'Deleted user' });
  });
});

describe('runs: limits', () => {
  let harness: CollabHarness;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_run_limits');
    harness.questions = [runnableQuestion()];
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('answers 429 with Retry-After past a user’s runs per minute', async () => {
    const service = await harness.startInstance({ RUNS_PER_MINUTE: '2' });
    await harness.startExecutor();
    const user = await harness.user('Ada');
    const questionId = harness.questions[0].id;
    for (let i = 0; i < 2; i += 1) {
      const run = runViewSchema.parse(
        (await request(service.url).post('/api/runs').set('authorization', `Bearer ${user.token}`).send({ questionId, language: 'python', code: 'pass', kind: 'run' }).expect(202)).body,
      );
      await harness.events.publish('execution.finished', { runId: run.id, outcome: 'failed', error: 'x', finishedAt: new Date().toISOString() });
      await waitFor(async () => (await harness.prisma.run.findUnique({ where: { id: run.id } }))?.finishedAt != null, 10_000, 'the run to end');
    }
    const limited = await request(service.url).post('/api/runs').set('authorization', `Bearer ${user.token}`).send({ questionId, language: 'python', code: 'pass', kind: 'run' }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await service.stop();
  });

  it('answers 503 with Retry-After when the work queue is full, and keeps no run of it', async () => {
    // A queue of its own, bounded at one job, that nothing consumes.
    const service = await harness.startInstance({ EXECUTION_JOBS_QUEUE: harness.infra.rabbit.queueName('full.jobs'), EXECUTION_QUEUE_MAX_LENGTH: '1' });
    const users = [await harness.user('Ada'), await harness.user('Grace'), await harness.user('Alan')];
    const body = { questionId: harness.questions[0].id, language: 'python', code: 'pass', kind: 'run' };
    const statuses: number[] = [];
    let full: request.Response | undefined;
    for (const user of users) {
      const response = await request(service.url).post('/api/runs').set('authorization', `Bearer ${user.token}`).send(body);
      statuses.push(response.status);
      if (response.status === 503) full = response;
    }
    // A quorum queue learns it is full one job late (libs/messaging's work queue): one or two go in, then 503.
    expect(statuses.at(-1)).toBe(503);
    expect(statuses[0]).toBe(202);
    expect(Number(full?.headers['retry-after'])).toBeGreaterThan(0);
    expect(full?.body.detail).toMatch(/try again/);
    expect(await harness.prisma.run.count({ where: { userId: users[2].id } })).toBe(0);
    await service.stop();
  });
});
