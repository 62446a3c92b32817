import os from 'node:os';
import type { ExecutionJob } from '@peerprep/contracts';
import type { ExecutionConfig } from '@peerprep/execution-service-config';
import type { Messaging, WorkQueue } from '@peerprep/messaging';
import { createService, type Logger, type Service } from '@peerprep/service-kit';
import { Gauge } from 'prom-client';
import { createExecutionJobs, type ExecutionJobs } from './executions/execution.jobs';
import { executionRoutes } from './executions/execution.routes';
import { createExecutor, type Executor } from './executions/execution.service';
import type { Sandbox } from './sandbox/sandbox';

export interface AppDeps {
  config: ExecutionConfig;
  logger: Logger;
  /** Made (and proven to work) by main.ts before the app: without a sandbox there is no service. */
  sandbox: Sandbox;
  /** Publishes execution.progressed / execution.finished. */
  messaging: Messaging;
  /** The runs to execute (EXECUTION_JOBS_QUEUE). */
  workQueue: WorkQueue<ExecutionJob>;
}

export interface ExecutionApp extends Service {
  readonly executor: Executor;
  readonly jobs: ExecutionJobs;
}

/**
 * Compiles and runs submissions, each compile and each test in a fresh
 * bubblewrap box (src/sandbox), and answers with verdicts: jobs from the
 * RabbitMQ work queue, reported as events, and the internal synchronous
 * route. No code of a user runs anywhere else.
 */
export function createApp({ config, logger, sandbox, messaging, workQueue }: AppDeps): ExecutionApp {
  const slots = config.EXECUTION_SLOTS || os.availableParallelism();
  const executor = createExecutor({
    sandbox,
    workDir: config.EXECUTION_WORK_DIR,
    slots,
    boxUidBase: config.EXECUTION_BOX_UID_BASE,
    logger,
  });
  const jobs = createExecutionJobs({ executor, messaging, workQueue, prefetch: slots, logger });
  let stoppingJobs: Promise<void> | undefined;
  // Stops taking jobs and lets the running ones finish and publish their
  // results (bounded by SHUTDOWN_TIMEOUT_MS, the work queue's close timeout);
  // a job still running then goes back to the broker for another replica.
  const stopJobs = () => (stoppingJobs ??= workQueue.close());
  const service = createService({
    name: 'execution-service',
    config,
    logger,
    dependencies: [
      {
        name: 'rabbitmq',
        check: async () => {
          await Promise.all([messaging.check(), workQueue.check()]);
        },
        // Jobs first: their handlers publish through messaging until they end.
        close: async () => {
          await stopJobs();
          await messaging.close();
        },
      },
    ],
    routes: (app) => app.use(executionRoutes({ executor, internalToken: config.INTERNAL_API_TOKEN })),
    // At the first moment of a shutdown, in parallel with the HTTP drain.
    onDrainStart: () => {
      void stopJobs();
    },
    // The boxes waiting for the next run (their sh, their cgroups) go with the service.
    onShutdown: () => sandbox.close(),
  });
  new Gauge({
    name: 'execution_jobs_running',
    help: 'Jobs from the work queue this replica is running (at most its run slots)',
    registers: [service.metrics.registry],
    collect() {
      this.set(jobs.running);
    },
  });
  return {
    ...service,
    executor,
    jobs,
    async start() {
      await jobs.start();
      return service.start();
    },
  };
}
