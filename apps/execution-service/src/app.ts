import os from 'node:os';
import type { ExecutionConfig } from '@peerprep/execution-service-config';
import { createService, type Logger, type Service } from '@peerprep/service-kit';
import { executionRoutes } from './executions/execution.routes';
import { createExecutor, type Executor } from './executions/execution.service';
import type { Sandbox } from './sandbox/sandbox';

export interface AppDeps {
  config: ExecutionConfig;
  logger: Logger;
  /** Made (and proven to work) by main.ts before the app: without a sandbox there is no service. */
  sandbox: Sandbox;
}

export interface ExecutionApp extends Service {
  readonly executor: Executor;
}

/**
 * Compiles and runs submissions, each compile and each test in a fresh
 * bubblewrap box (src/sandbox), and answers with verdicts. No code of a user
 * runs anywhere else.
 */
export function createApp({ config, logger, sandbox }: AppDeps): ExecutionApp {
  const executor = createExecutor({
    sandbox,
    workDir: config.EXECUTION_WORK_DIR,
    slots: config.EXECUTION_SLOTS || os.availableParallelism(),
    boxUidBase: config.EXECUTION_BOX_UID_BASE,
    logger,
  });
  const service = createService({
    name: 'execution-service',
    config,
    logger,
    routes: (app) => app.use(executionRoutes({ executor, internalToken: config.INTERNAL_API_TOKEN })),
  });
  return { ...service, executor };
}
