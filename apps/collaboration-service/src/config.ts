import { baseEnvSchema, connectionVariables, portVariable } from '@peerprep/service-kit';
import type { z } from 'zod';

export const collaborationEnvSchema = baseEnvSchema.extend({
  PORT: portVariable(3005),
  DATABASE_URL: connectionVariables.postgres('peerprep_collaboration'),
  REDIS_URL: connectionVariables.redis(),
  AMQP_URL: connectionVariables.amqp(),
  QUESTION_SERVICE_URL: connectionVariables.http('http://127.0.0.1:3003'),
});

export type CollaborationConfig = z.infer<typeof collaborationEnvSchema>;
