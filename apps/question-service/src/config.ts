import { baseEnvSchema, connectionVariables, portVariable } from '@peerprep/service-kit';
import type { z } from 'zod';

export const questionEnvSchema = baseEnvSchema.extend({
  PORT: portVariable(3003),
  DATABASE_URL: connectionVariables.postgres('peerprep_questions'),
  AMQP_URL: connectionVariables.amqp(),
});

export type QuestionConfig = z.infer<typeof questionEnvSchema>;
