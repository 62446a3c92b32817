import { authEnvSchema } from '@peerprep/auth';
import {
  baseEnvSchema,
  connectionVariables,
  DEV_INTERNAL_API_TOKEN,
  internalTokenVariable,
  portVariable,
  refuseDevInternalTokenInProduction,
} from '@peerprep/service-kit';
import type { z } from 'zod';

export { DEV_INTERNAL_API_TOKEN };

export const questionEnvSchema = baseEnvSchema.extend({
  ...authEnvSchema.shape,
  PORT: portVariable(3003),
  DATABASE_URL: connectionVariables.postgres('peerprep_questions'),
  AMQP_URL: connectionVariables.amqp(),
  /**
   * Shared secret that service-to-service callers (collaboration-service)
   * send in `x-internal-token`: it unlocks the picker and hidden test cases.
   */
  INTERNAL_API_TOKEN: internalTokenVariable(),
});

export type QuestionConfig = z.infer<typeof questionEnvSchema>;

/**
 * What the service itself boots with: the development internal token is
 * refused in production. (The seed runner never checks the token and keeps
 * the plain schema.)
 */
export const questionServiceEnvSchema = refuseDevInternalTokenInProduction(questionEnvSchema, 'collaboration-service');
