import { executionJobSchema, type ExecutionJob } from '@peerprep/contracts';
import { createWorkQueue, WorkQueueFullError } from '@peerprep/messaging';
import type { Logger } from '@peerprep/service-kit';
import type { JobQueue } from './runs.service';

export interface ExecutionJobQueueSettings {
  AMQP_URL: string;
  EXECUTION_JOBS_QUEUE: string;
  EXECUTION_QUEUE_MAX_LENGTH: number;
}

/**
 * execution-service's work queue as the runs need it, plus what the service
 * kit needs of a dependency (readiness, closing). Declared with the same
 * arguments as execution-service declares it (libs/messaging's work queue).
 */
export function createExecutionJobQueue(
  settings: ExecutionJobQueueSettings,
  logger: Logger,
): JobQueue & { name: string; check(): Promise<void>; close(): Promise<void> } {
  const queue = createWorkQueue<ExecutionJob>({
    url: settings.AMQP_URL,
    serviceName: 'collaboration-service',
    queue: settings.EXECUTION_JOBS_QUEUE,
    schema: executionJobSchema,
    maxLength: settings.EXECUTION_QUEUE_MAX_LENGTH,
    // A run's POST waits for the broker's confirm: past this it is given up with 503.
    sendTimeoutMs: 5_000,
    logger,
  });
  return {
    name: 'execution-queue',
    send: (job, opts) => queue.send(job, opts),
    isFull: (error) => error instanceof WorkQueueFullError,
    check: () => queue.check(),
    close: () => queue.close(),
  };
}
