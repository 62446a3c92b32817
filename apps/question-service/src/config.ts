import { authEnvSchema } from '@peerprep/auth';
import { baseEnvSchema, connectionVariables, portVariable } from '@peerprep/service-kit';
import { z } from 'zod';

/** Only for a developer machine; a deployment sets its own secret (see README). */
export const DEV_INTERNAL_API_TOKEN = 'peerprep-dev-internal-token';

export const questionEnvSchema = baseEnvSchema.extend({
  ...authEnvSchema.shape,
  PORT: portVariable(3003),
  DATABASE_URL: connectionVariables.postgres('peerprep_questions'),
  AMQP_URL: connectionVariables.amqp(),
  /**
   * Shared secret that service-to-service callers (collaboration-service)
   * send in `x-internal-token`: it unlocks the picker and hidden test cases.
   */
  INTERNAL_API_TOKEN: z.string().min(16, 'must be at least 16 characters').default(DEV_INTERNAL_API_TOKEN),
});

export type QuestionConfig = z.infer<typeof questionEnvSchema>;

/**
 * What the service itself boots with: in production the development token
 * would let anyone who read this repository call the internal picker and see
 * hidden test cases, so it is a configuration error, not a warning. (The seed
 * runner never checks the token and keeps the plain schema.)
 */
export const questionServiceEnvSchema = questionEnvSchema.superRefine((config, ctx) => {
  if (config.NODE_ENV === 'production' && config.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) {
    ctx.addIssue({
      code: 'custom',
      path: ['INTERNAL_API_TOKEN'],
      message: 'must be set to a secret shared with collaboration-service in production (not the development default)',
    });
  }
});
