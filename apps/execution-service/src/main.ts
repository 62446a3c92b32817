import { executionJobSchema } from '@peerprep/contracts';
import { executionEnvSchema } from '@peerprep/execution-service-config';
import { createMessaging, createWorkQueue } from '@peerprep/messaging';
import { createLogger, loadConfigOrExit, runService } from '@peerprep/service-kit';
import { createApp } from './app';
import { Sandbox } from './sandbox/sandbox';

const config = loadConfigOrExit('execution-service', executionEnvSchema);
const logger = createLogger({ name: 'execution-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });

// No sandbox, no service: it never falls back to running code unsandboxed.
Sandbox.create({
  seccompPython: config.SECCOMP_PYTHON,
  cgroups: config.EXECUTION_CGROUPS,
  probeUid: config.EXECUTION_BOX_UID_BASE,
  logger,
}).then(
  (sandbox) => {
    const messaging = createMessaging({
      url: config.AMQP_URL,
      serviceName: 'execution-service',
      exchange: config.EVENTS_EXCHANGE,
      logger,
      closeTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    });
    const workQueue = createWorkQueue({
      url: config.AMQP_URL,
      serviceName: 'execution-service',
      queue: config.EXECUTION_JOBS_QUEUE,
      schema: executionJobSchema,
      maxLength: config.EXECUTION_QUEUE_MAX_LENGTH,
      logger,
      closeTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    });
    return runService(createApp({ config, logger, sandbox, messaging, workQueue }));
  },
  (error: unknown) => {
    logger.fatal({ err: error }, 'execution-service cannot start');
    process.stderr.write(`[execution-service] cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
