import { baseEnvSchema, connectionVariables, portVariable } from '@peerprep/service-kit';
import type { z } from 'zod';

export const userEnvSchema = baseEnvSchema.extend({
  PORT: portVariable(3002),
  DATABASE_URL: connectionVariables.postgres('peerprep_users'),
  REDIS_URL: connectionVariables.redis(),
  AMQP_URL: connectionVariables.amqp(),
});

export type UserConfig = z.infer<typeof userEnvSchema>;
