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
