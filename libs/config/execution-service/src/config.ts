import { EXECUTION_JOBS_QUEUE } from '@peerprep/contracts';
import { DEFAULT_EXCHANGE } from '@peerprep/messaging';
import {
  baseEnvSchema,
  connectionVariables,
  internalTokenVariable,
  portVariable,
  refuseDevInternalTokenInProduction,
} from '@peerprep/service-kit';
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
    AMQP_URL: connectionVariables.amqp(),
    /** The domain events' topic exchange, where execution.progressed / execution.finished go. */
    EVENTS_EXCHANGE: z.string().min(1).default(DEFAULT_EXCHANGE),
    /** The work queue the runs come from (collaboration-service sends to it). */
    EXECUTION_JOBS_QUEUE: z.string().min(1).default(EXECUTION_JOBS_QUEUE),
    /**
     * The work queue's bound (x-max-length). Part of the queue's declaration:
     * collaboration-service must use the same value, or the broker refuses
     * the second declaration.
     */
    EXECUTION_QUEUE_MAX_LENGTH: integer(500, 1, 1_000_000),
  }),
  'the services that submit runs',
);

export type ExecutionConfig = z.infer<typeof executionEnvSchema>;
