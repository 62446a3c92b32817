import { ConfigError, loadConfig } from '@peerprep/service-kit';
import { gatewayEnvSchema } from './config';

describe('gateway config', () => {
  it('has a working local default for every variable', () => {
    expect(loadConfig(gatewayEnvSchema, {})).toMatchObject({
      PORT: 3001,
      USER_SERVICE_URL: 'http://127.0.0.1:3002',
      QUESTION_SERVICE_URL: 'http://127.0.0.1:3003',
      MATCHING_SERVICE_URL: 'http://127.0.0.1:3004',
      COLLABORATION_SERVICE_URL: 'http://127.0.0.1:3005',
      REDIS_URL: 'redis://127.0.0.1:6379',
      CORS_ORIGINS: ['http://localhost:3000'],
      REDIS_KEY_PREFIX: 'peerprep:gateway:',
      TRUSTED_PROXY_HOPS: 1,
      TRUST_PROXY: ['loopback'],
      AUTH_JWKS_URL: 'http://127.0.0.1:3002/api/auth/jwks.json',
    });
  });

  it('reads CORS_ORIGINS as a comma list without trailing slashes', () => {
    const config = loadConfig(gatewayEnvSchema, { CORS_ORIGINS: 'http://localhost:3000/, https://peerprep.example ' });
    expect(config.CORS_ORIGINS).toEqual(['http://localhost:3000', 'https://peerprep.example']);
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig(gatewayEnvSchema, {
        USER_SERVICE_URL: 'user-service:3002',
        REDIS_URL: 'http://127.0.0.1:6379',
        CORS_ORIGINS: 'localhost:3000',
        RATE_LIMIT_POINTS: '-1',
        PROXY_TIMEOUT_MS: 'soon',
        TRUST_PROXY: 'loopback, 10.0.0.0/33, ingress',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual([
      'CORS_ORIGINS',
      'PROXY_TIMEOUT_MS',
      'RATE_LIMIT_POINTS',
      'REDIS_URL',
      'TRUST_PROXY',
      'USER_SERVICE_URL',
    ]);
  });

  it('names the TRUST_PROXY entries that are not an address, a CIDR or a range name', () => {
    expect(() => loadConfig(gatewayEnvSchema, { TRUST_PROXY: 'loopback, 10.0.0.0/33, ingress' })).toThrow(
      /TRUST_PROXY: not an IP, a CIDR or loopback\/linklocal\/uniquelocal: 10\.0\.0\.0\/33, ingress/,
    );
    expect(loadConfig(gatewayEnvSchema, { TRUST_PROXY: ' 172.30.77.10 , 10.0.0.0/8,uniquelocal' }).TRUST_PROXY).toEqual([
      '172.30.77.10',
      '10.0.0.0/8',
      'uniquelocal',
    ]);
  });
});
