import { waitFor } from '@peerprep/testing';
import request from 'supertest';
import { MatchingHarness, type MatchingInstance, type TestUser } from '../../test/matching-harness';

describe('matching across a restart of every replica', () => {
  let harness: MatchingHarness;

  beforeAll(async () => {
    harness = await MatchingHarness.start('matching-restart');
  });

  afterAll(async () => {
    await harness.stop();
  });

  const env = { MATCH_STRICT_WINDOW_MS: '3000', MATCH_RELAXED_WINDOW_MS: '2000' };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const ask = (on: MatchingInstance, user: TestUser, body: object) =>
    request(on.url).post('/api/match/requests').set('authorization', `Bearer ${user.token}`).send(body).expect(201);

  it('keeps waiting requests: they still match, relax and time out after the new replicas start', async () => {
    const old = [await harness.startInstance(env), await harness.startInstance(env)];
    const [waiter, lonely, relaxer, newcomer] = [
      await harness.user(),
      await harness.user(),
      await harness.user(),
      await harness.user(),
    ];
    const lonelyRequest = await ask(old[1], lonely, { difficulty: 'MEDIUM', topics: ['t1'], language: 'python' });
    const relaxerRequest = await ask(old[0], relaxer, {
      difficulty: 'HARD',
      topics: ['t2'],
      language: 'python',
      allowRelaxed: true,
    });
    // The waiter asks later, so its strict window outlasts the outage below while the others' do not.
    await pause(2_000);
    const waiterRequest = await ask(old[0], waiter, { difficulty: 'EASY', topics: ['t0'], language: 'python' });

    await Promise.all(old.map((instance) => instance.stop()));
    // Nobody runs while the first windows end: the deadlines must be kept in Redis, not in a timer.
    await waitFor(() => Date.now() > Date.parse(lonelyRequest.body.deadline) + 200, 5_000, 'the lonely deadline to pass');
    expect(Date.now()).toBeLessThan(Date.parse(waiterRequest.body.deadline));
    const fresh = [await harness.startInstance(env), await harness.startInstance(env)];

    const paired = await ask(fresh[1], newcomer, { difficulty: 'EASY', topics: ['t0'], language: 'java' });
    expect(paired.body).toMatchObject({ status: 'matched', match: { peer: { id: waiter.id } } });

    const endOf = (userId: string) =>
      harness.statusOf(userId).filter((m) => m.status === 'timed_out' || m.status === 'matched' || m.status === 'cancelled');
    await waitFor(() => endOf(lonely.id).length > 0, 10_000, 'the lonely request to time out');
    expect(endOf(lonely.id)).toEqual([expect.objectContaining({ status: 'timed_out', requestId: lonelyRequest.body.requestId })]);

    await waitFor(() => endOf(relaxer.id).length > 0, 10_000, 'the relaxed request to time out');
    expect(harness.statusOf(relaxer.id).map((m) => m.status)).toEqual(['queued', 'relaxed', 'timed_out']);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(relaxerRequest.body.deadline));
    await request(fresh[0].url).get('/api/match/requests/current').set('authorization', `Bearer ${relaxer.token}`).expect(204);
  }, 30_000);
});
