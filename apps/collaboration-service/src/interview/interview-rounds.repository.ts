import type { PrismaClient } from '../db/prisma';
import type { InterviewArrival, InterviewRound as RoundRow, Prisma } from '../generated/prisma/client';
import type { InterviewPhase, RoundIndex } from '@peerprep/contracts';
import type { InterviewRefusal, InterviewRound, InterviewState, InterviewTransition } from './round-machine';
import { createInterview, isRefusal } from './round-machine';

/** What an interview is made of before its rows exist (from its room): the first transition needs it. */
export interface InterviewSetup {
  participants: readonly [string, string];
  questionIds: readonly [string, string];
  roundMs: number;
}

/** The room's end, when it is closed: the interview must end with it. */
export interface RoomClosure {
  closedAt: number;
  closedBy: string | null;
}

export interface LockedInterview {
  state: InterviewState;
  closure: RoomClosure | null;
}

/** A transition decided on the state as it is in the database, under the room's lock. */
export type InterviewStep = (locked: LockedInterview) => InterviewTransition | InterviewRefusal;

const time = (date: Date | null): number | null => date?.getTime() ?? null;
const date = (instant: number | null): Date | null => (instant === null ? null : new Date(instant));

function toRound(row: RoundRow): InterviewRound {
  return {
    index: row.index as RoundIndex,
    interviewerId: row.interviewerId,
    candidateId: row.candidateId,
    questionId: row.questionId,
    lengthMs: row.lengthMs,
    startedAt: time(row.startedAt),
    endsAt: time(row.endsAt),
    warnedAt: time(row.warnedAt),
    endedAt: time(row.endedAt),
    endReason: row.endReason,
  };
}

function phaseOf([first, second]: InterviewRound[]): InterviewPhase {
  if (!first) return 'waiting';
  if (first.endedAt === null) return 'round1';
  return second.startedAt !== null && second.endedAt === null ? 'round2' : 'finished';
}

/**
 * The machine's state from the rows: the rounds once round one started
 * (they hold everything then), else the room's setup; null when neither is
 * there. Who is connected now is not stored: `present` is false for both.
 */
function toState(setup: InterviewSetup | null, rows: RoundRow[], arrivals: InterviewArrival[]): InterviewState | null {
  const rounds = rows.map(toRound).sort((a, b) => a.index - b.index);
  if (rounds.length !== 0 && rounds.length !== 2) throw new Error(`An interview has ${rounds.length} round rows`);
  const [first, second] = rounds;
  const base = first
    ? createInterview({
        participants: setup?.participants ?? [first.interviewerId, first.candidateId],
        questionIds: [first.questionId, second.questionId],
        roundMs: first.lengthMs,
      })
    : setup && createInterview(setup);
  if (!base) return null;
  const presence = { ...base.presence };
  for (const arrival of arrivals) {
    if (presence[arrival.userId]) presence[arrival.userId] = { arrivedAt: arrival.arrivedAt.getTime(), present: false };
  }
  return { ...base, phase: phaseOf(rounds), rounds, presence };
}

const ROUND_FIELDS = ['startedAt', 'endsAt', 'warnedAt', 'endedAt', 'endReason'] as const;

/**
 * Writes what a transition changed. Each update is guarded by the values it
 * replaces (`ended_at IS NULL` and the like) and must hit its one row: under
 * the room's lock it always does, and if anything ever wrote past the lock,
 * the transaction fails rather than advancing a round twice.
 */
async function persist(tx: Prisma.TransactionClient, roomId: string, before: InterviewState, after: InterviewState): Promise<void> {
  const arrived = after.participants.filter((id) => before.presence[id].arrivedAt === null && after.presence[id].arrivedAt !== null);
  if (arrived.length > 0) {
    await tx.interviewArrival.createMany({
      data: arrived.map((userId) => ({ roomId, userId, arrivedAt: new Date(after.presence[userId].arrivedAt as number) })),
    });
  }
  if (before.rounds.length === 0 && after.rounds.length > 0) {
    await tx.interviewRound.createMany({
      data: after.rounds.map((round) => ({
        roomId,
        index: round.index,
        questionId: round.questionId,
        interviewerId: round.interviewerId,
        candidateId: round.candidateId,
        lengthMs: round.lengthMs,
        startedAt: date(round.startedAt),
        endsAt: date(round.endsAt),
        warnedAt: date(round.warnedAt),
        endedAt: date(round.endedAt),
        endReason: round.endReason,
      })),
    });
    return;
  }
  for (const round of after.rounds) {
    const previous = before.rounds[round.index - 1];
    const changed = ROUND_FIELDS.filter((field) => round[field] !== previous[field]);
    if (changed.length === 0) continue;
    const where: Prisma.InterviewRoundWhereInput = { roomId, index: round.index };
    const data: Prisma.InterviewRoundUpdateManyMutationInput = {};
    for (const field of changed) {
      if (field === 'endReason') {
        where.endReason = previous.endReason;
        data.endReason = round.endReason;
      } else {
        where[field] = date(previous[field]);
        data[field] = date(round[field]);
      }
    }
    const { count } = await tx.interviewRound.updateMany({ where, data });
    if (count !== 1) throw new Error(`Round ${round.index} of room ${roomId} changed under its lock`);
  }
}

async function readInterview(
  db: Prisma.TransactionClient,
  roomIds: string[],
): Promise<{ rounds: Map<string, RoundRow[]>; arrivals: Map<string, InterviewArrival[]> }> {
  const [roundRows, arrivalRows] = await Promise.all([
    db.interviewRound.findMany({ where: { roomId: { in: roomIds } } }),
    db.interviewArrival.findMany({ where: { roomId: { in: roomIds } } }),
  ]);
  const group = <T extends { roomId: string }>(rows: T[]) => {
    const byRoom = new Map<string, T[]>(roomIds.map((id) => [id, []]));
    for (const row of rows) byRoom.get(row.roomId)?.push(row);
    return byRoom;
  };
  return { rounds: group(roundRows), arrivals: group(arrivalRows) };
}

interface LockedRoom {
  status: string;
  closed_at: Date | null;
  closed_by: string | null;
}

/** The only code that reads or writes interview rounds and arrivals. */
export function createInterviewRoundsRepository(prisma: PrismaClient) {
  return {
    /** The interview as stored (no lock: for showing it). Null for an unknown room, or one with no rounds and no setup. */
    async load(roomId: string, setup: InterviewSetup | null): Promise<InterviewState | null> {
      const { rounds, arrivals } = await readInterview(prisma, [roomId]);
      return toState(setup, rounds.get(roomId) ?? [], arrivals.get(roomId) ?? []);
    },

    /**
     * Runs `step` on the interview as committed, holding the room's row lock
     * (`FOR NO KEY UPDATE`: transitions of one room queue behind each other on
     * every replica, and READ COMMITTED lets each see its predecessor's
     * rows), then writes what it changed in the same transaction. A replica
     * that lost a race on a deadline thus finds the round already ended, and
     * its step changes nothing. Null for an unknown room, or one with no
     * rounds and no setup; a refusal writes nothing.
     */
    async transition(
      roomId: string,
      setup: InterviewSetup | null,
      step: InterviewStep,
    ): Promise<{ before: InterviewState; outcome: InterviewTransition | InterviewRefusal } | null> {
      return prisma.$transaction(async (tx) => {
        const [room] = await tx.$queryRaw<LockedRoom[]>`
          SELECT status::text AS status, closed_at, closed_by FROM rooms WHERE id = ${roomId}::uuid FOR NO KEY UPDATE`;
        if (!room) return null;
        const { rounds, arrivals } = await readInterview(tx, [roomId]);
        const before = toState(setup, rounds.get(roomId) ?? [], arrivals.get(roomId) ?? []);
        if (!before) return null;
        // A closed room always has its closed_at; the fallback only keeps the type honest.
        const closure = room.status === 'CLOSED' ? { closedAt: room.closed_at?.getTime() ?? Date.now(), closedBy: room.closed_by } : null;
        const outcome = step({ state: before, closure });
        if (!isRefusal(outcome)) await persist(tx, roomId, before, outcome.state);
        return { before, outcome };
      });
    },

    /**
     * Interviews with a round running: the ones with a deadline to time. A
     * closed room's is among them until a step ends it at the room's close.
     */
    async runningInterviews(): Promise<{ roomId: string; state: InterviewState }[]> {
      const running = await prisma.interviewRound.findMany({
        where: { startedAt: { not: null }, endedAt: null },
        select: { roomId: true },
      });
      const roomIds = running.map((row) => row.roomId);
      if (roomIds.length === 0) return [];
      const { rounds, arrivals } = await readInterview(prisma, roomIds);
      return roomIds.flatMap((roomId) => {
        const state = toState(null, rounds.get(roomId) ?? [], arrivals.get(roomId) ?? []);
        return state ? [{ roomId, state }] : [];
      });
    },
  };
}

export type InterviewRoundsRepository = ReturnType<typeof createInterviewRoundsRepository>;
