import type { ExecutionProgressedPayload, ExecutionResult, QuestionRef, RunKind } from '@peerprep/contracts';
import { ConflictError, uniqueViolationFields } from '@peerprep/service-kit';
import type { PrismaClient } from '../db/prisma';
import { Prisma, type Run } from '../generated/prisma/client';

export interface NewRun {
  roomId: string | null;
  userId: string;
  userName: string;
  question: QuestionRef;
  kind: RunKind;
  language: string;
  code: string;
  customInput: unknown[] | null;
  testCount: number;
  /** A mock interview's round it runs in; absent or null otherwise. */
  round?: number | null;
}

/** The only code that reads and writes runs. */
export function createRunsRepository(prisma: PrismaClient) {
  return {
    /**
     * A queued run. A room or a user that already has an unfinished run is a
     * ConflictError (the unique activeRoomId / activeUserId columns).
     */
    async create(run: NewRun): Promise<Run> {
      try {
        return await prisma.run.create({
          data: {
            roomId: run.roomId,
            userId: run.userId,
            userName: run.userName,
            questionId: run.question.id,
            question: run.question,
            kind: run.kind,
            language: run.language,
            code: run.code,
            customInput: run.customInput === null ? Prisma.DbNull : (run.customInput as Prisma.InputJsonValue),
            testCount: run.testCount,
            round: run.round ?? null,
            activeRoomId: run.roomId,
            activeUserId: run.userId,
          },
        });
      } catch (error) {
        const fields = uniqueViolationFields(error);
        if (!fields) throw error;
        const byRoom = fields.some((field) => field.includes('active_room_id') || field.includes('activeRoomId'));
        throw new ConflictError(
          byRoom ? 'A run of this room is still in progress' : 'One of your runs is still in progress',
          [{ field: 'kind', message: byRoom ? 'Wait for the room’s current run to finish' : 'Wait for your current run to finish' }],
        );
      }
    },

    /** A run that never reached the queue is removed: nothing half-written stays. */
    async remove(id: string): Promise<void> {
      await prisma.run.deleteMany({ where: { id } });
    },

    findById: (id: string): Promise<Run | null> => prisma.run.findUnique({ where: { id } }),

    /**
     * Applies a progress event unless the run finished or already holds a later
     * one (a higher attempt, or the same attempt with a higher seq). The run,
     * or null when nothing changed.
     */
    async progress(event: ExecutionProgressedPayload): Promise<Run | null> {
      const { count } = await prisma.run.updateMany({
        where: {
          id: event.runId,
          finishedAt: null,
          OR: [{ attempt: { lt: event.attempt } }, { attempt: event.attempt, seq: { lt: event.seq } }],
        },
        data: {
          phase: event.phase,
          attempt: event.attempt,
          seq: event.seq,
          testIndex: event.testIndex,
          testCount: event.testCount,
        },
      });
      return count === 0 ? null : prisma.run.findUnique({ where: { id: event.runId } });
    },

    /** Ends a run once (done with a result, or failed with a reason); null when it had already ended or is unknown. */
    async finish(
      id: string,
      outcome: { phase: 'done'; result: ExecutionResult } | { phase: 'failed'; error: string },
      finishedAt: Date,
    ): Promise<Run | null> {
      const { count } = await prisma.run.updateMany({
        where: { id, finishedAt: null },
        data: {
          phase: outcome.phase,
          result: outcome.phase === 'done' ? (outcome.result as Prisma.InputJsonValue) : Prisma.DbNull,
          error: outcome.phase === 'failed' ? outcome.error : null,
          testIndex: null,
          finishedAt,
          activeRoomId: null,
          activeUserId: null,
        },
      });
      return count === 0 ? null : prisma.run.findUnique({ where: { id } });
    },

    /** Unfinished runs created before `before`, oldest first. */
    staleRuns: (before: Date, limit: number): Promise<Run[]> =>
      prisma.run.findMany({ where: { finishedAt: null, createdAt: { lt: before } }, orderBy: { createdAt: 'asc' }, take: limit }),

    /** A room's runs, newest first. */
    listForRoom: (roomId: string, limit: number): Promise<Run[]> =>
      prisma.run.findMany({ where: { roomId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit }),

    /** Several rooms' last submissions (for history rows), by room id. */
    async lastSubmissions(roomIds: string[]): Promise<Map<string, Run>> {
      if (roomIds.length === 0) return new Map();
      const runs = await prisma.run.findMany({
        where: { roomId: { in: roomIds }, kind: 'submit' },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        distinct: ['roomId'],
      });
      return new Map(runs.map((run) => [run.roomId as string, run]));
    },

    /** A user's own solo runs, newest first, one page plus the total. */
    async listSoloForUser(
      userId: string,
      questionId: string | undefined,
      page: number,
      pageSize: number,
    ): Promise<{ items: Run[]; total: number }> {
      const where = { userId, roomId: null, ...(questionId ? { questionId } : {}) };
      const [items, total] = await prisma.$transaction([
        prisma.run.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * pageSize, take: pageSize }),
        prisma.run.count({ where }),
      ]);
      return { items, total };
    },
  };
}

export type RunsRepository = ReturnType<typeof createRunsRepository>;
