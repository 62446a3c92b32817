import { baseEnvSchema, connectionVariables, portVariable } from '@peerprep/service-kit';
import type { z } from 'zod';

export const matchingEnvSchema = baseEnvSchema.extend({
  PORT: portVariable(3004),
  REDIS_URL: connectionVariables.redis(),
  AMQP_URL: connectionVariables.amqp(),
});

export type MatchingConfig = z.infer<typeof matchingEnvSchema>;
