import { executionJobSchema, type ExecutionJob } from '@peerprep/contracts';
import type { ExecutionConfig } from '@peerprep/execution-service-config';
import { createMessaging, createWorkQueue, type Messaging, type WorkQueue } from '@peerprep/messaging';
import type { Logger } from '@peerprep/service-kit';
import { Sandbox } from './sandbox/sandbox';

/**
 * What the app is built from, made from the config the same way by main.ts
 * and the tests. Nothing here runs at import.
 */

/** Rejects with SandboxUnavailableError naming what is missing: there is no service without a sandbox. */
export function createSandboxFromConfig(config: ExecutionConfig, logger: Logger): Promise<Sandbox> {
  return Sandbox.create({
    seccompPython: config.SECCOMP_PYTHON,
    cgroups: config.EXECUTION_CGROUPS,
    probeUid: config.EXECUTION_BOX_UID_BASE,
    logger,
  });
}

/** The events publisher and the work queue, each on its own reconnecting connection. */
export function connectBroker(
  config: ExecutionConfig,
  logger: Logger,
): { messaging: Messaging; workQueue: WorkQueue<ExecutionJob> } {
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
  return { messaging, workQueue };
}
