import path from 'node:path';
import { createTestDatabase, waitFor, type TestDatabase } from '@peerprep/testing';
import { openInterviewRoom } from '../../test/interview-fixtures';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { createRoomsRepository, type RoomsRepository } from '../rooms/rooms.repository';
import { createInterviewRoundsRepository } from './interview-rounds.repository';
import { createInterviewRounds, type InterviewRounds } from './interview-rounds.service';
import { WARNING_MS, type InterviewEffect } from './round-machine';
import { createRoundScheduler, type RoundScheduler } from './round-scheduler';

const migrationsDir = path.join(__dirname, '../../prisma/migrations');
/** Short rounds on the real clock, real timers and the real database. */
const ROUND_MS = 1_000;

interface Replica {
  interviews: InterviewRounds;
  scheduler: RoundScheduler;
  errors: unknown[];
  /** Steps this replica's scheduler tried, won or lost. */
  advances: number;
}

describe('round scheduler (two replicas, real Postgres, real timers)', () => {
  let db: TestDatabase;
  let rooms: RoomsRepository;
  const clients: PrismaClient[] = [];
  let replicas: Replica[] = [];
  /** Every effect the replicas' schedulers committed, in the order they reported them. */
  let advanced: { roomId: string; effect: InterviewEffect }[] = [];

  function startReplica(options: { rescanMs?: number; interviews?: Partial<Pick<InterviewRounds, 'advance'>> } = {}): Replica {
    const prisma = createPrismaClient(db.url);
    clients.push(prisma);
    const interviews = createInterviewRounds({ repository: createInterviewRoundsRepository(prisma), now: Date.now, random: () => 0 });
    const replica: Replica = { interviews, errors: [], advances: 0, scheduler: undefined as unknown as RoundScheduler };
    const advance = options.interviews?.advance ?? interviews.advance;
    replica.scheduler = createRoundScheduler({
      interviews: {
        ...interviews,
        advance: (roomId) => {
          replica.advances += 1;
          return advance(roomId);
        },
      },
      now: Date.now,
      onAdvanced: (roomId, applied) => advanced.push(...applied.effects.map((effect) => ({ roomId, effect }))),
      onError: (error) => replica.errors.push(error),
      rescanMs: options.rescanMs ?? 100,
      retryMs: 50,
    });
    replicas.push(replica);
    return replica;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ migrationsDir, label: 'round_scheduler' });
    const prisma = createPrismaClient(db.url);
    clients.push(prisma);
    rooms = createRoomsRepository(prisma);
  });

  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.scheduler.stop()));
    replicas = [];
    advanced = [];
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.$disconnect()));
    await db?.drop();
  });

  const rows = (roomId: string) => clients[0].interviewRound.findMany({ where: { roomId }, orderBy: { index: 'asc' } });
  const finished = async (roomId: string) => (await rows(roomId)).every((row) => row.endedAt !== null);
  const effectsIn = (roomId: string) => advanced.filter((entry) => entry.roomId === roomId).map((entry) => entry.effect);

  /** Round one started on the first replica, which times it at once; the others find it on their rescan. */
  async function startInterview(on: Replica, roundMs = ROUND_MS) {
    const { roomId, setup } = await openInterviewRoom(rooms, roundMs);
    await on.interviews.joined(roomId, setup, setup.participants[0]);
    const started = await on.interviews.joined(roomId, setup, setup.participants[1]);
    on.scheduler.watch(roomId, started.state);
    return { roomId, setup };
  }

  it('runs both rounds out on time across two replicas, each step committed once', async () => {
    const [one, two] = [startReplica(), startReplica()];
    await Promise.all([one.scheduler.start(), two.scheduler.start()]);

    const { roomId, setup } = await startInterview(one);
    // Both time round one from the start (finding it by rescan is the next tests'), so both race at each deadline.
    const loaded = await two.interviews.load(roomId, null);
    if (loaded) two.scheduler.watch(roomId, loaded);
    expect(two.scheduler.deadlines().get(roomId)).toBe(one.scheduler.deadlines().get(roomId));
    await waitFor(() => finished(roomId), 5_000, 'both rounds to end');

    const [round1, round2] = await rows(roomId);
    expect(round1).toMatchObject({ endReason: 'time', endedAt: round1.endsAt });
    expect(round2).toMatchObject({ endReason: 'time', endedAt: round2.endsAt, interviewerId: setup.participants[1] });
    const [started, ended] = [round1.startedAt?.getTime() ?? NaN, round2.endedAt?.getTime() ?? NaN];
    // Round two started when a timer noticed round one's end: a moment after it (generous for a loaded 2-core runner).
    expect((round2.startedAt?.getTime() ?? NaN) - (round1.endsAt?.getTime() ?? NaN)).toBeGreaterThanOrEqual(0);
    expect((round2.startedAt?.getTime() ?? NaN) - (round1.endsAt?.getTime() ?? NaN)).toBeLessThan(1_500);
    expect(ended - started).toBeGreaterThanOrEqual(2 * ROUND_MS);
    await waitFor(() => effectsIn(roomId).some((effect) => effect.type === 'session-finished'), 2_000, 'the last effects');
    expect(effectsIn(roomId).map((effect) => effect.type)).toEqual([
      'round-ended',
      'round-started',
      'roles-swapped',
      'round-ended',
      'session-finished',
    ]);
    // The replica that lost the last step may still be finishing it (waiting on the row lock) when the winner's effects land.
    await waitFor(
      () => !one.scheduler.deadlines().has(roomId) && !two.scheduler.deadlines().has(roomId),
      2_000,
      'both replicas to drop the finished room',
    );
    // Both replicas stepped at both deadlines; the losers changed nothing.
    expect(one.advances).toBeGreaterThanOrEqual(2);
    expect(two.advances).toBeGreaterThanOrEqual(2);
    expect([...one.errors, ...two.errors]).toEqual([]);
  });

  it('follows an early end made on another replica: round two runs its own full length', async () => {
    const [one, two] = [startReplica(), startReplica()];
    await Promise.all([one.scheduler.start(), two.scheduler.start()]);
    const { roomId, setup } = await startInterview(one, 2_500);
    await waitFor(() => two.scheduler.deadlines().has(roomId), 2_000, 'the second replica to time the interview');

    // The interviewer ends round one on the second replica; the first still has round one's end armed.
    const ended = await two.interviews.endRound(roomId, setup.participants[0], 1);
    two.scheduler.watch(roomId, ended.state);
    await waitFor(() => finished(roomId), 8_000, 'round two to end');

    const [round1, round2] = await rows(roomId);
    expect(round1.endReason).toBe('interviewer');
    expect(round2).toMatchObject({ endReason: 'time', endedAt: round2.endsAt });
    expect((round2.endsAt?.getTime() ?? NaN) - (round2.startedAt?.getTime() ?? NaN)).toBe(2_500);
    expect(effectsIn(roomId).map((effect) => effect.type)).toEqual(['round-ended', 'session-finished']);
  });

  it('tries a failed step again (Postgres unreachable for a moment) and reports the failure', async () => {
    let failures = 1;
    const flaky = startReplica({
      interviews: {
        advance: (roomId) => (failures-- > 0 ? Promise.reject(new Error('connection refused')) : flaky.interviews.advance(roomId)),
      },
    });
    await flaky.scheduler.start();

    const { roomId } = await startInterview(flaky, 300);
    await waitFor(() => finished(roomId), 5_000, 'both rounds to end');

    expect(flaky.errors).toEqual([new Error('connection refused')]);
    expect((await rows(roomId)).map((row) => row.endReason)).toEqual(['time', 'time']);
  });

  it('times the warning once across replicas, for a round longer than the warning', async () => {
    const [one, two] = [startReplica(), startReplica()];
    await Promise.all([one.scheduler.start(), two.scheduler.start()]);
    const { roomId } = await startInterview(one, WARNING_MS + 400);
    await waitFor(() => two.scheduler.deadlines().has(roomId), 2_000, 'the second replica to time the interview');

    await waitFor(async () => (await rows(roomId))[0].warnedAt !== null, 3_000, 'the warning');
    await waitFor(() => effectsIn(roomId).length > 0, 1_000, 'the warning effect');

    expect(effectsIn(roomId).map((effect) => effect.type)).toEqual(['warning-due']);
    const [round1] = await rows(roomId);
    // Both replicas now wait for the end, five minutes away.
    await waitFor(
      () => [one, two].every((replica) => replica.scheduler.deadlines().get(roomId) === round1.endsAt?.getTime()),
      2_000,
      'both replicas to arm the end',
    );
    await one.interviews.endSession(roomId, null, null);
  });

  it('sets no timer once stopped, and leaves the round to whichever replica still runs', async () => {
    const one = startReplica({ rescanMs: 60_000 });
    await one.scheduler.start();
    const { roomId } = await startInterview(one);
    expect(one.scheduler.deadlines().has(roomId)).toBe(true);

    await one.scheduler.stop();
    expect(one.scheduler.deadlines().size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, ROUND_MS + 200));
    expect((await rows(roomId))[0].endedAt).toBeNull();

    // A replica starting later finds the overdue round on its first read and ends it at its scheduled end.
    const two = startReplica();
    await two.scheduler.start();
    await waitFor(async () => (await rows(roomId))[0].endedAt !== null, 2_000, 'the overdue round to end');
    const [round1] = await rows(roomId);
    expect(round1).toMatchObject({ endReason: 'time', endedAt: round1.endsAt });
  });
});
