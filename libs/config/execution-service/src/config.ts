import { eventsEnvVariables } from '@peerprep/messaging';
import { baseEnvSchema, connectionVariables, internalTokenVariable, portVariable, refuseDevInternalTokenInProduction } from '@peerprep/service-kit';
import { z } from 'zod';

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(min).max(max).default(fallback);

export const executionEnvSchema = refuseDevInternalTokenInProduction(
  baseEnvSchema.extend({
    PORT: portVariable(3006),
    // A submission's body: up to 64 KiB of code plus up to 200 test cases.
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)?$/i, 'must be a size such as 100kb or 1mb')
      .default('2mb'),
    /** Shared with the services that submit runs (x-internal-token). */
    INTERNAL_API_TOKEN: internalTokenVariable(),
    /** Where each submission gets its build folder (created 0700, removed after the run). */
    EXECUTION_WORK_DIR: z.string().startsWith('/', 'must be an absolute path').default('/tmp/peerprep-execution'),
    /** Submissions compiled or run at the same time by this replica (default: the number of cores). */
    EXECUTION_SLOTS: integer(0, 0, 64),
    /**
     * When the service runs as root (a developer machine, the tests), each box
     * drops to its own uid: EXECUTION_BOX_UID_BASE + slot. Unused otherwise.
     */
    EXECUTION_BOX_UID_BASE: integer(61_000, 1_000, 4_000_000_000),
    /** The Python with the libseccomp binding that writes the boxes' seccomp filter at start. */
    SECCOMP_PYTHON: z.string().startsWith('/', 'must be an absolute path').default('/usr/bin/python3'),
    /** Off only to run where cgroups are not delegated: rlimits and heap flags still bound memory. */
    EXECUTION_CGROUPS: z.enum(['auto', 'off']).default('auto'),
    // ---- the work queue (#16): declared with the deployment (compose, k8s), which must set them ----
    AMQP_URL: connectionVariables.amqp(),
    /** Where execution.progressed / execution.finished are published. */
    EVENTS_EXCHANGE: eventsEnvVariables('execution-service').EVENTS_EXCHANGE,
    /** The durable work queue collaboration-service publishes jobs to. */
    EXECUTION_JOBS_QUEUE: z.string().min(1).default('execution.jobs'),
    /** The work queue's bound: a run beyond it is refused (503 with Retry-After) instead of waiting. */
    EXECUTION_QUEUE_MAX_LENGTH: integer(500, 1, 100_000),
    // ---- end of the work queue's variables ----
  }),
  'the services that submit runs',
);

export type ExecutionConfig = z.infer<typeof executionEnvSchema>;
