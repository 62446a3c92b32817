import { ConfigError, loadConfig } from '@peerprep/service-kit';
import { DEV_INTERNAL_API_TOKEN, questionEnvSchema, questionServiceEnvSchema } from './config';

describe('question-service configuration', () => {
  it('boots locally with the development internal token', () => {
    expect(loadConfig(questionServiceEnvSchema, {}).INTERNAL_API_TOKEN).toBe(DEV_INTERNAL_API_TOKEN);
  });

  it('refuses the development internal token in production, naming the variable', () => {
    expect(() => loadConfig(questionServiceEnvSchema, { NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig(questionServiceEnvSchema, { NODE_ENV: 'production' });
    } catch (error) {
      expect((error as ConfigError).issues.map((i) => i.variable)).toEqual(['INTERNAL_API_TOKEN']);
    }
  });

  it('accepts a real secret in production', () => {
    const token = 'a-real-shared-secret-of-some-length';
    expect(loadConfig(questionServiceEnvSchema, { NODE_ENV: 'production', INTERNAL_API_TOKEN: token }).INTERNAL_API_TOKEN).toBe(token);
  });

  it('keeps the plain schema (used by the seed runner and the compose check) free of that rule', () => {
    expect(() => loadConfig(questionEnvSchema, { NODE_ENV: 'production' })).not.toThrow();
    expect(Object.keys(questionEnvSchema.shape)).toContain('INTERNAL_API_TOKEN');
  });
});
