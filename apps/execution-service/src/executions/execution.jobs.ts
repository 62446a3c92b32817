import { idSchema, MAX_SOURCE_BYTES, type ExecutionJob, type ExecutionRequest } from '@peerprep/contracts';
import type { DeadJob, JobDelivery, Messaging, WorkQueue } from '@peerprep/messaging';
import type { Logger } from '@peerprep/service-kit';
import type { Executor } from './execution.service';
import { createProgressReporter, DEFAULT_PROGRESS_INTERVAL_MS } from './progress';

/** What people read when the platform could not run their code (not their code's fault). */
export const FAILED_RUN_MESSAGES = {
  lost: 'The run was lost twice with the execution service; try again.',
  /** Followed by what was wrong with the job. */
  invalid: 'The execution service could not read this run',
  crashed: 'The execution service failed while running this; try again.',
  tooLarge: `The code is larger than ${MAX_SOURCE_BYTES / 1024} KiB.`,
} as const;

export interface ExecutionJobsOptions {
  executor: Executor;
  messaging: Messaging;
  workQueue: WorkQueue<ExecutionJob>;
  /** Jobs this replica runs at once: its run slots. */
  prefetch: number;
  logger: Logger;
  progressIntervalMs?: number;
}

export interface ExecutionJobs {
  /** Consumes the work queue and its dead jobs. */
  start(): Promise<void>;
  /** Jobs this replica is running now. */
  readonly running: number;
}

/** The run an invalid job was for, when at least its runId can be read. */
function runIdOf(raw: unknown): string | null {
  const runId = typeof raw === 'object' && raw !== null ? (raw as { runId?: unknown }).runId : undefined;
  const parsed = idSchema.safeParse(runId);
  return parsed.success ? parsed.data : null;
}

/**
 * execution-service's side of Run/Submit: takes jobs from the work queue
 * (as many at once as it has run slots), reports each phase as
 * execution.progressed, and publishes execution.finished before acking, so
 * a job whose replica dies before its result is out is redelivered (once;
 * the second loss ends as a `failed` result, from consumeDead).
 */
export function createExecutionJobs(opts: ExecutionJobsOptions): ExecutionJobs {
  const { executor, messaging, workQueue, logger } = opts;
  const intervalMs = opts.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
  let running = 0;

  async function publishFailed(runId: string, error: string): Promise<void> {
    await messaging.publish(
      'execution.finished',
      { runId, outcome: 'failed', error, finishedAt: new Date().toISOString() },
      { correlationId: runId },
    );
  }

  async function runJob(job: ExecutionJob, delivery: JobDelivery): Promise<void> {
    const log = logger.child({ runId: job.runId, attempt: delivery.attempt });
    if (Buffer.byteLength(job.code) > MAX_SOURCE_BYTES) {
      log.warn('job refused: code above the size limit');
      return publishFailed(job.runId, FAILED_RUN_MESSAGES.tooLarge);
    }
    running += 1;
    const progress = createProgressReporter({
      runId: job.runId,
      attempt: delivery.attempt,
      intervalMs,
      logger: log,
      publish: (payload) => messaging.publish('execution.progressed', payload, { correlationId: job.runId }),
    });
    try {
      const request: ExecutionRequest = {
        language: job.language,
        code: job.code,
        entryPoint: job.entryPoint,
        tests: job.tests,
      };
      const startedAt = Date.now();
      const result = await executor.execute(request, { onProgress: (state) => progress.report(state) });
      await progress.settle();
      await messaging.publish(
        'execution.finished',
        { runId: job.runId, outcome: 'done', result, finishedAt: new Date().toISOString() },
        { correlationId: job.runId },
      );
      log.info({ status: result.status, tests: job.tests.length, ms: Date.now() - startedAt }, 'run finished');
    } finally {
      await progress.settle();
      running -= 1;
    }
  }

  async function reportDead(dead: DeadJob<ExecutionJob>): Promise<void> {
    const runId = dead.job?.runId ?? runIdOf(dead.raw);
    if (runId === null) {
      logger.error({ reason: dead.reason }, 'a dead job without a run id: nobody to tell');
      return;
    }
    const message =
      dead.cause === 'lost'
        ? FAILED_RUN_MESSAGES.lost
        : dead.cause === 'invalid'
          ? `${FAILED_RUN_MESSAGES.invalid}: ${dead.reason.replace(/^invalid job: /, '').slice(0, 300)}`
          : FAILED_RUN_MESSAGES.crashed;
    logger.warn({ runId, cause: dead.cause, reason: dead.reason }, 'run failed');
    await publishFailed(runId, message);
  }

  return {
    async start() {
      await workQueue.consume(runJob, { prefetch: opts.prefetch });
      await workQueue.consumeDead(reportDead);
    },
    get running() {
      return running;
    },
  };
}
