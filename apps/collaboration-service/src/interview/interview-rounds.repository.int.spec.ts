import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ConflictError, ForbiddenError, NotFoundError } from '@peerprep/service-kit';
import { createTestDatabase, type TestDatabase } from '@peerprep/testing';
import { openInterviewRoom } from '../../test/interview-fixtures';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { createRoomsRepository, type RoomsRepository } from '../rooms/rooms.repository';
import { createInterviewRoundsRepository, type InterviewSetup } from './interview-rounds.repository';
import { createInterviewRounds, type AppliedTransition, type InterviewRounds } from './interview-rounds.service';

const migrationsDir = path.join(__dirname, '../../prisma/migrations');
const MINUTE = 60_000;
const ROUND = 15 * MINUTE;
const T0 = Date.parse('2026-12-05T21:00:00.000Z');

/**
 * Two replicas' worth of the interview code: each its own Prisma client (its
 * own connection pool) on the file's database, both reading one clock the
 * test moves, and random() choosing the first participant as interviewer.
 */
describe('interview rounds repository (real Postgres, two replicas)', () => {
  let db: TestDatabase;
  const clients: PrismaClient[] = [];
  let rooms: RoomsRepository;
  let replicas: [InterviewRounds, InterviewRounds];
  let now = T0;

  beforeAll(async () => {
    db = await createTestDatabase({ migrationsDir, label: 'interview_rounds' });
    clients.push(createPrismaClient(db.url), createPrismaClient(db.url));
    rooms = createRoomsRepository(clients[0]);
    const replica = (prisma: PrismaClient) =>
      createInterviewRounds({ repository: createInterviewRoundsRepository(prisma), now: () => now, random: () => 0 });
    replicas = [replica(clients[0]), replica(clients[1])];
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.$disconnect()));
    await db?.drop();
  });

  beforeEach(() => {
    now = T0;
  });

  const [one, two] = [0, 1] as const;
  const rows = (roomId: string) => clients[0].interviewRound.findMany({ where: { roomId }, orderBy: { index: 'asc' } });
  const effectTypes = (applied: AppliedTransition) => applied.effects.map((effect) => effect.type);

  /** A room whose round one started at T0: the first participant interviews. */
  async function startedRoom(roundMs = ROUND): Promise<{ roomId: string; setup: InterviewSetup; interviewer: string; candidate: string }> {
    const { roomId, setup } = await openInterviewRoom(rooms, roundMs);
    await replicas[one].joined(roomId, setup, setup.participants[0]);
    await replicas[one].joined(roomId, setup, setup.participants[1]);
    return { roomId, setup, interviewer: setup.participants[0], candidate: setup.participants[1] };
  }

  it('waits for both peers, then writes round one started and round two planned, once', async () => {
    const { roomId, setup } = await openInterviewRoom(rooms, ROUND);
    const [alice, bob] = setup.participants;

    const first = await replicas[one].joined(roomId, setup, alice);
    expect(first).toMatchObject({ state: { phase: 'waiting' }, effects: [] });
    expect(await rows(roomId)).toEqual([]);
    now = T0 + 2_000;
    const second = await replicas[two].joined(roomId, setup, bob);

    expect(effectTypes(second)).toEqual(['round-started']);
    expect(await rows(roomId)).toEqual([
      expect.objectContaining({ index: 1, interviewerId: alice, candidateId: bob, questionId: setup.questionIds[0], lengthMs: ROUND, startedAt: new Date(T0 + 2_000), endsAt: new Date(T0 + 2_000 + ROUND), endedAt: null }),
      expect.objectContaining({ index: 2, interviewerId: bob, candidateId: alice, questionId: setup.questionIds[1], startedAt: null, endsAt: null }),
    ]);
    expect(await clients[0].interviewArrival.count({ where: { roomId } })).toBe(2);
    // Coming back changes nothing stored; the state read back without the setup is the same interview.
    expect((await replicas[two].joined(roomId, setup, alice)).effects).toEqual([]);
    const loaded = await replicas[two].load(roomId, null);
    expect(loaded?.rounds).toEqual(second.state.rounds);
    expect(loaded?.presence[alice].arrivedAt).toBe(T0);
  });

  it('starts round one once when both peers arrive at the same moment on two replicas', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { roomId, setup } = await openInterviewRoom(rooms, ROUND);

      const results = await Promise.all([
        replicas[one].joined(roomId, setup, setup.participants[0]),
        replicas[two].joined(roomId, setup, setup.participants[1]),
      ]);

      expect(results.flatMap(effectTypes)).toEqual(['round-started']);
      expect((await rows(roomId)).map((row) => row.startedAt !== null)).toEqual([true, false]);
    }
  });

  it('advances two racing "time is up" calls into one round two', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { roomId, interviewer, candidate } = await startedRoom();
      now = T0 + ROUND + 40;

      const results = await Promise.all([replicas[one].advance(roomId), replicas[two].advance(roomId)]);

      const effects = results.map((result) => (result ? effectTypes(result) : null));
      expect(effects).toContainEqual(['round-ended', 'round-started', 'roles-swapped']);
      expect(effects).toContainEqual([]);
      const [round1, round2] = await rows(roomId);
      expect(round1).toMatchObject({ endedAt: new Date(T0 + ROUND), endReason: 'time' });
      expect(round2).toMatchObject({ interviewerId: candidate, candidateId: interviewer, startedAt: new Date(now), endsAt: new Date(now + ROUND), endedAt: null });
      now = T0;
    }
  });

  it('refuses an early end by the candidate (403) and by a stranger (403), and writes nothing', async () => {
    const { roomId, candidate } = await startedRoom();
    const before = await rows(roomId);
    now = T0 + MINUTE;

    await expect(replicas[one].endRound(roomId, candidate, 1)).rejects.toThrow(ForbiddenError);
    await expect(replicas[two].endRound(roomId, randomUUID(), 1)).rejects.toThrow(ForbiddenError);

    expect(await rows(roomId)).toEqual(before);
  });

  it('lets the interviewer end round one early, once: the racing second click is a 409 naming round', async () => {
    const { roomId, interviewer } = await startedRoom();
    now = T0 + 4 * MINUTE;

    const results = await Promise.allSettled([replicas[one].endRound(roomId, interviewer, 1), replicas[two].endRound(roomId, interviewer, 1)]);

    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ConflictError);
    expect(rejected[0].reason).toMatchObject({ fields: [{ field: 'round' }] });
    const [round1, round2] = await rows(roomId);
    expect(round1).toMatchObject({ endedAt: new Date(now), endReason: 'interviewer' });
    expect(round2.startedAt).toEqual(new Date(now));
  });

  it('refuses ending round one after its time was up (409), leaving the timeout to the timer', async () => {
    const { roomId, interviewer } = await startedRoom();
    now = T0 + ROUND + 500;

    await expect(replicas[one].endRound(roomId, interviewer, 1)).rejects.toMatchObject({ name: 'ConflictError', fields: [{ field: 'round' }] });
    expect((await rows(roomId))[0].endedAt).toBeNull();
  });

  it('writes the warning once however many replicas notice it', async () => {
    const { roomId } = await startedRoom();
    now = T0 + ROUND - 5 * MINUTE + 100;

    const results = await Promise.all([replicas[one].advance(roomId), replicas[two].advance(roomId)]);

    expect(results.flatMap((result) => (result ? effectTypes(result) : []))).toEqual(['warning-due']);
    expect((await rows(roomId))[0].warnedAt).toEqual(new Date(now));
  });

  it('finishes after round two times out, with both peers gone, and lists only running interviews', async () => {
    const { roomId } = await startedRoom();
    const waiting = await openInterviewRoom(rooms, ROUND);
    await replicas[one].joined(waiting.roomId, waiting.setup, waiting.setup.participants[0]);
    expect((await replicas[one].runningInterviews()).map((running) => running.roomId)).toContain(roomId);

    now = T0 + ROUND;
    await replicas[one].advance(roomId);
    now = T0 + 2 * ROUND;
    const last = await replicas[two].advance(roomId);

    expect(last?.effects.at(-1)).toEqual({ type: 'session-finished', at: T0 + 2 * ROUND, endedBy: null });
    expect((await rows(roomId)).map((row) => [row.endReason, row.endedAt])).toEqual([
      ['time', new Date(T0 + ROUND)],
      ['time', new Date(T0 + 2 * ROUND)],
    ]);
    const running = (await replicas[one].runningInterviews()).map((interview) => interview.roomId);
    expect(running).not.toContain(roomId);
    expect(running).not.toContain(waiting.roomId);
    expect(await replicas[one].advance(roomId)).toEqual({ state: expect.objectContaining({ phase: 'finished' }), effects: [] });
  });

  it('ends the running round with the session, once (409 naming id after), round two never started', async () => {
    const { roomId, candidate } = await startedRoom();
    now = T0 + 3 * MINUTE;

    const ended = await replicas[one].endSession(roomId, null, candidate);

    expect(ended.effects.map((effect) => effect.type)).toEqual(['round-ended', 'session-finished']);
    expect((await rows(roomId)).map((row) => [row.endReason, row.startedAt === null])).toEqual([
      ['session', false],
      [null, true],
    ]);
    await expect(replicas[two].endSession(roomId, null, null)).rejects.toMatchObject({ name: 'ConflictError', fields: [{ field: 'id' }] });
  });

  it('ends the interview of a room that was closed without it, at the close', async () => {
    const { roomId, interviewer } = await startedRoom();
    const closedAt = new Date(T0 + 2 * MINUTE);
    await rooms.close({ roomId, closedBy: interviewer, closedAt, language: 'python', finalCode: '', chat: [] });
    now = T0 + 3 * MINUTE;
    // Still timed, so the next step on it (here a refused one, which writes nothing) is not the last.
    await expect(replicas[one].endRound(roomId, interviewer, 1)).rejects.toThrow(ConflictError);
    expect((await replicas[one].runningInterviews()).map((running) => running.roomId)).toContain(roomId);

    const advanced = await replicas[two].advance(roomId);

    expect(advanced?.effects.at(-1)).toEqual({ type: 'session-finished', at: closedAt.getTime(), endedBy: interviewer });
    expect((await rows(roomId)).map((row) => [row.endReason, row.endedAt])).toEqual([
      ['session', closedAt],
      [null, null],
    ]);
    expect((await replicas[one].runningInterviews()).map((running) => running.roomId)).not.toContain(roomId);
  });

  it('knows no interview in an unknown room or in one without rows or setup', async () => {
    await expect(replicas[one].endRound(randomUUID(), randomUUID(), 1)).rejects.toThrow(NotFoundError);
    const { roomId } = await openInterviewRoom(rooms, ROUND);
    expect(await replicas[one].advance(roomId)).toBeNull();
    expect(await replicas[one].load(roomId, null)).toBeNull();
  });
});
