import { z } from 'zod';
import { runFixture } from '../test/child-process';
import { baseEnvSchema, ConfigError, loadConfig, portVariable } from './config';

describe('loadConfig', () => {
  it('applies a working default to every variable except the service port', () => {
    const config = loadConfig(baseEnvSchema.extend({ PORT: portVariable(3002) }), {});
    expect(config).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      HOST: '0.0.0.0',
      PORT: 3002,
      BODY_LIMIT: '100kb',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      KEEP_ALIVE_TIMEOUT_MS: 65_000,
      TRUST_PROXY: ['loopback'],
    });
  });

  it('coerces numbers and treats an empty value as unset', () => {
    const config = loadConfig(baseEnvSchema.extend({ PORT: portVariable(3002) }), {
      PORT: '4000',
      SHUTDOWN_TIMEOUT_MS: '',
    });
    expect(config.PORT).toBe(4000);
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(10_000);
  });

  it('throws a ConfigError naming every bad variable at once', () => {
    const schema = baseEnvSchema.extend({ REDIS_URL: z.url() });
    let error: unknown;
    try {
      loadConfig(schema, { PORT: 'abc', NODE_ENV: 'staging', KEEP_ALIVE_TIMEOUT_MS: '1000', REDIS_URL: 'nope' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues.map((i) => i.variable).sort()).toEqual(['KEEP_ALIVE_TIMEOUT_MS', 'NODE_ENV', 'PORT', 'REDIS_URL']);
    expect((error as ConfigError).message).toContain('PORT: must be a whole number');
  });

  it('names a missing required variable', () => {
    expect(() => loadConfig(baseEnvSchema, {})).toThrow(/PORT/);
  });

  describe('placeholder secrets', () => {
    const schema = baseEnvSchema.extend({ PORT: portVariable(3002), INTERNAL_API_TOKEN: z.string(), AMQP_URL: z.url() });
    const copiedExample = {
      INTERNAL_API_TOKEN: 'change-me-internal-api-token',
      AMQP_URL: 'amqp://peerprep:change-me-rabbitmq-password@rabbitmq:5672',
    };

    it('refuses in production every variable still holding "change-me", naming it and not its value', () => {
      let error: unknown;
      try {
        loadConfig(schema, { NODE_ENV: 'production', ...copiedExample });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual(['AMQP_URL', 'INTERNAL_API_TOKEN']);
      expect((error as ConfigError).message).not.toContain('change-me-rabbitmq-password');
    });

    it('lets them pass outside production, and ignores variables the service does not read', () => {
      expect(loadConfig(schema, { NODE_ENV: 'development', ...copiedExample }).INTERNAL_API_TOKEN).toBe('change-me-internal-api-token');
      expect(
        loadConfig(schema, {
          NODE_ENV: 'production',
          INTERNAL_API_TOKEN: 'a-real-long-secret',
          AMQP_URL: 'amqp://peerprep:s3cret@rabbitmq:5672',
          POSTGRES_PASSWORD: 'change-me-postgres-password',
        }).NODE_ENV,
      ).toBe('production');
    });
  });
});

describe('loadConfigOrExit in a real process', () => {
  it('exits with code 1 and a message naming each bad variable', async () => {
    const run = runFixture('slow-service.main.ts', { PORT: 'not-a-port', LOG_LEVEL: 'loud' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('[fixture-service] cannot start');
    expect(run.stderr()).toMatch(/PORT: must be a whole number/);
    expect(run.stderr()).toMatch(/LOG_LEVEL: /);
    expect(run.stdoutLines).toEqual([]);
  });
});
