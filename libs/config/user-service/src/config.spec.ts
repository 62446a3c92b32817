import { ConfigError, loadConfig } from '@peerprep/service-kit';
import { userEnvSchema } from './config';

function issuesOf(env: Record<string, string>) {
  try {
    loadConfig(userEnvSchema, env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues.map((issue) => issue.variable);
  }
}

describe('user-service config', () => {
  it('works with no variables at all outside production (local defaults)', () => {
    const config = loadConfig(userEnvSchema, {});
    expect(config).toMatchObject({ PORT: 3002, REFRESH_TOKEN_TTL_DAYS: 14, RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR: 100, RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_AND_IP: 5 });
    expect(config.JWT_PRIVATE_KEY).toBeUndefined();
  });

  it('requires JWT_PRIVATE_KEY in production', () => {
    expect(issuesOf({ NODE_ENV: 'production' })).toEqual(['JWT_PRIVATE_KEY']);
  });

  it('allows at most 100 failed logins per account per hour (ASVS)', () => {
    expect(issuesOf({ RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR: '101' })).toEqual(['RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR']);
    expect(issuesOf({ RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR: '100' })).toEqual([]);
  });

  it('wants all three admin variables or none, each valid', () => {
    expect(issuesOf({ ADMIN_USERNAME: 'root' }).sort()).toEqual(['ADMIN_EMAIL', 'ADMIN_PASSWORD']);
    expect(issuesOf({ ADMIN_USERNAME: 'root', ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'short' })).toEqual(['ADMIN_PASSWORD']);
    expect(issuesOf({ ADMIN_USERNAME: 'root', ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'long-enough-pw' })).toEqual([]);
  });

  it('refuses in production a secret left at the .env.example placeholder, naming the variable', () => {
    const production = { NODE_ENV: 'production', JWT_PRIVATE_KEY: 'test-placeholder-signing-key' };
    expect(issuesOf({ ...production, DATABASE_URL: 'postgresql://peerprep:change-me-postgres-password@users-db:5432/users' })).toEqual(['DATABASE_URL']);
    expect(issuesOf({ ...production, DATABASE_URL: 'postgresql://peerprep:9f2c1b7e@users-db:5432/users' })).toEqual([]);
  });
});
