import type { AuthenticatedUser } from '@peerprep/auth';
import {
  argumentIssues,
  isFinishedPhase,
  MAX_SOURCE_BYTES,
  ROOM_RUNS_LIMIT,
  type CreateRoomRunRequest,
  type CreateSoloRunRequest,
  type ExecutionFinishedPayload,
  type ExecutionJob,
  type ExecutionProgressedPayload,
  type ExecutionTest,
  type Language,
  type ListRunsQuery,
  type Question,
  type RunDetail,
  type RunsPage,
  type RunView,
  type RoundIndex,
} from '@peerprep/contracts';
import {
  ConflictError,
  ForbiddenError,
  HttpProblem,
  NotFoundError,
  ServiceUnavailableError,
  ValidationError,
  type Logger,
} from '@peerprep/service-kit';
import type { Run } from '../generated/prisma/client';
import type { QuestionSource } from '../questions/question-source';
import type { RoomWithParticipants } from '../rooms/rooms.repository';
import type { RoomsService } from '../rooms/rooms.service';
import { toRunDetail, toRunView } from './run-views';
import type { NewRun, RunsRepository } from './runs.repository';

/** Where jobs go: execution-service's work queue (libs/messaging's WorkQueue). */
export interface JobQueue {
  /** Resolves once the broker holds the job; rejects when it cannot take it in time, or it is full (`isFull(error)`). */
  send(job: ExecutionJob, opts?: { messageId?: string; correlationId?: string }): Promise<void>;
  isFull(error: unknown): boolean;
}

/** How a run reaches the room's clients on every replica (collab/live-rooms.ts, injected by app.ts). */
export interface RunAnnouncer {
  announceRun(roomId: string, run: RunView): void;
}

/** Per-user budget of new runs; throws RateLimitedError (429) once spent. */
export interface RunRateLimit {
  consume(userId: string): Promise<void>;
}

/** Which round of a mock interview a run of the room runs in (interview/room-interviews.ts, injected by app.ts). */
export interface RunRounds {
  /** The round being played, null in pair practice; a ConflictError when none is (before round one, once over). */
  runRound(room: RoomWithParticipants): Promise<RoundIndex | null>;
}

export interface RunsServiceDeps {
  runs: RunsRepository;
  rooms: Pick<RoomsService, 'participantRoom' | 'liveCode'>;
  /** Mock interviews' rounds; without it every room runs as pair practice does. */
  interviews?: RunRounds;
  questions: QuestionSource;
  jobs: JobQueue;
  announcer: RunAnnouncer;
  rateLimit: RunRateLimit;
  logger: Logger;
}

export type RunsService = ReturnType<typeof createRunsService>;

const QUEUE_FULL_RETRY_SECONDS = 5;

/** The tests a run takes: the visible ones for a Run (plus its custom input, last), every one for a Submit. */
export function testsFor(question: Question, kind: 'run' | 'submit', customInput: unknown[] | undefined): ExecutionTest[] {
  const tests: ExecutionTest[] =
    kind === 'submit'
      ? question.testCases.map((test) => ({ args: test.args, expected: test.expected, hidden: test.hidden }))
      : question.testCases.filter((test) => !test.hidden).map((test) => ({ args: test.args, expected: test.expected, hidden: false }));
  if (kind === 'run' && customInput) tests.push({ args: customInput as ExecutionTest['args'], hidden: false });
  return tests;
}

/** 400 naming `customInput.<i>` when the custom input does not fit the entry point; refused on a Submit. */
function checkCustomInput(question: Question, request: { kind: 'run' | 'submit'; customInput?: unknown[] }): void {
  if (request.customInput === undefined) return;
  if (request.kind === 'submit') {
    throw new ValidationError('A Submit runs every test; custom input is for Run', [
      { field: 'customInput', message: 'Only a Run takes a custom input' },
    ]);
  }
  const issues = argumentIssues(question.entryPoint, request.customInput, ['customInput']);
  if (issues.length > 0) {
    throw new ValidationError(
      'The custom input does not fit the question’s parameters',
      issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    );
  }
}

function checkSourceSize(code: string, field: string): void {
  if (Buffer.byteLength(code, 'utf8') > MAX_SOURCE_BYTES) {
    throw new HttpProblem(413, `The code is larger than ${MAX_SOURCE_BYTES / 1024} KiB (${field})`);
  }
}

/**
 * Runs and Submits: checked and recorded here, run by execution-service from
 * the work queue, their progress and results applied from its events and
 * pushed to the room's clients on every replica.
 */
export function createRunsService({ runs, rooms, interviews, questions, jobs, announcer, rateLimit, logger }: RunsServiceDeps) {
  function announce(run: Run): RunView {
    const view = toRunView(run);
    if (run.roomId) announcer.announceRun(run.roomId, view);
    return view;
  }

  async function loadQuestion(questionId: string, field: string): Promise<Question> {
    const question = await questions.get(questionId);
    if (!question) throw new NotFoundError(`No question ${questionId} (${field})`);
    return question;
  }

  /** Records the run, then queues its job; a job the queue refuses leaves no run behind. */
  async function start(newRun: Omit<NewRun, 'testCount'>, question: Question, customInput: unknown[] | undefined, correlationId?: string) {
    const tests = testsFor(question, newRun.kind, customInput);
    if (tests.length === 0) {
      throw newRun.kind === 'run'
        ? new ConflictError('This question has no visible test to run; give a custom input or submit', [{ field: 'kind', message: 'No visible tests' }])
        : new ConflictError('This question has no tests yet', [{ field: 'kind', message: 'No tests' }]);
    }
    await rateLimit.consume(newRun.userId);
    const run = await runs.create({ ...newRun, testCount: tests.length });
    const job: ExecutionJob = {
      runId: run.id,
      language: newRun.language as Language,
      code: newRun.code,
      entryPoint: question.entryPoint,
      tests,
      enqueuedAt: run.createdAt.toISOString(),
    };
    try {
      // The work queue bounds the wait itself (a broker that is down would hold the job forever).
      await jobs.send(job, { messageId: run.id, correlationId });
    } catch (error) {
      await runs.remove(run.id);
      if (jobs.isFull(error)) {
        throw new ServiceUnavailableError('Too many runs are waiting; try again in a few seconds', {
          retryAfterSeconds: QUEUE_FULL_RETRY_SECONDS,
          cause: error,
        });
      }
      logger.error({ err: error, runId: run.id }, 'queueing a run failed');
      throw new ServiceUnavailableError('Code cannot be run right now; try again shortly', { cause: error, retryAfterSeconds: QUEUE_FULL_RETRY_SECONDS });
    }
    return announce(run);
  }

  /** The run, if `user` may see it: its author, or a participant of its room. */
  async function visibleRun(user: AuthenticatedUser, runId: string): Promise<Run> {
    const run = await runs.findById(runId);
    if (!run) throw new NotFoundError('No such run');
    if (run.userId === user.id) return run;
    if (run.roomId) {
      await rooms.participantRoom(user, run.roomId);
      return run;
    }
    throw new ForbiddenError('Only your own runs can be opened');
  }

  return {
    /** `POST /rooms/:id/runs`: the room's live code and language, by one of its participants, while it is open. */
    async createRoomRun(user: AuthenticatedUser, roomId: string, request: CreateRoomRunRequest, correlationId?: string): Promise<RunView> {
      const room = await rooms.participantRoom(user, roomId);
      if (room.status !== 'OPEN') throw new ConflictError('The session has ended', [{ field: 'id', message: 'This room is closed' }]);
      // A mock interview runs the round being played: its code, its language and its question.
      const round = (await interviews?.runRound(room)) ?? null;
      const questionId = round === 2 && room.question2Id ? room.question2Id : room.questionId;
      const question = await loadQuestion(questionId, 'question');
      checkCustomInput(question, request);
      const { code, language } = await rooms.liveCode(room, round ?? 1);
      checkSourceSize(code, 'the room’s code');
      if (code.trim() === '') throw new ValidationError('The editor is empty', [{ field: 'code', message: 'Write some code first' }]);
      const me = room.participants.find((participant) => participant.userId === user.id);
      return start(
        {
          roomId: room.id,
          userId: user.id,
          userName: me?.displayName ?? user.displayName,
          question: { id: question.id, slug: question.slug, title: question.title, difficulty: question.difficulty },
          kind: request.kind,
          language,
          code,
          customInput: request.customInput ?? null,
          round,
        },
        question,
        request.customInput,
        correlationId,
      );
    },

    /** `POST /runs`: a student alone on a question's page. */
    async createSoloRun(user: AuthenticatedUser, request: CreateSoloRunRequest, correlationId?: string): Promise<RunView> {
      checkSourceSize(request.code, 'code');
      const question = await questions.get(request.questionId);
      if (!question) throw new ValidationError('No such question', [{ field: 'questionId', message: 'No question has this id' }]);
      checkCustomInput(question, request);
      return start(
        {
          roomId: null,
          userId: user.id,
          userName: user.displayName,
          question: { id: question.id, slug: question.slug, title: question.title, difficulty: question.difficulty },
          kind: request.kind,
          language: request.language,
          code: request.code,
          customInput: request.customInput ?? null,
        },
        question,
        request.customInput,
        correlationId,
      );
    },

    async getRun(user: AuthenticatedUser, runId: string): Promise<RunDetail> {
      return toRunDetail(await visibleRun(user, runId));
    },

    async listRoomRuns(user: AuthenticatedUser, roomId: string): Promise<RunView[]> {
      await rooms.participantRoom(user, roomId);
      return (await runs.listForRoom(roomId, ROOM_RUNS_LIMIT)).map(toRunView);
    },

    async listOwnRuns(user: AuthenticatedUser, query: ListRunsQuery): Promise<RunsPage> {
      const { items, total } = await runs.listSoloForUser(user.id, query.questionId, query.page, query.pageSize);
      return { items: items.map(toRunView), total, page: query.page, pageSize: query.pageSize };
    },

    /** `execution.progressed`: applied unless the run already holds a later step (events may arrive out of order). */
    async applyProgress(event: ExecutionProgressedPayload): Promise<void> {
      const run = await runs.progress(event);
      if (run) announce(run);
    },

    /** `execution.finished`: the run ends once; a duplicate or late one changes nothing. */
    async applyFinished(event: ExecutionFinishedPayload): Promise<void> {
      const outcome =
        event.outcome === 'done' ? { phase: 'done' as const, result: event.result } : { phase: 'failed' as const, error: event.error };
      const run = await runs.finish(event.runId, outcome, new Date(event.finishedAt));
      if (run) announce(run);
    },

    /**
     * Runs nobody finished within `staleMs` (every execution replica gone, or
     * their events lost) are failed, so none shows "running" forever and the
     * room and user may run again.
     */
    async failStaleRuns(staleMs: number, now = new Date()): Promise<number> {
      let failed = 0;
      for (const stale of await runs.staleRuns(new Date(now.getTime() - staleMs), 50)) {
        if (isFinishedPhase(stale.phase as RunView['phase'])) continue;
        const run = await runs.finish(stale.id, { phase: 'failed', error: 'The run took too long to come back; try again.' }, now);
        if (run) {
          announce(run);
          failed += 1;
        }
      }
      return failed;
    },
  };
}
