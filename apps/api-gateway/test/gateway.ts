import { loadConfig, type Service } from '@peerprep/service-kit';
import { testServiceEnv, type TestRedis } from '@peerprep/testing';
import { Redis } from 'ioredis';
import { gatewayEnvSchema } from '@peerprep/api-gateway-config';
import { createApp } from '../src/app';

export interface StartedGateway {
  gateway: Service;
  url: string;
  port: number;
}

/**
 * A gateway on a free port, configured by `env` over the test defaults, with
 * its own Redis connection under the test's key prefix (connected first: until
 * then a gateway counts in memory, see rate-limit.ts), which its shutdown
 * closes. Stopping it is the caller's.
 */
export async function startTestGateway(testRedis: TestRedis, env: Record<string, string>): Promise<StartedGateway> {
  const redis = new Redis(testRedis.url, { keyPrefix: testRedis.prefix, lazyConnect: true });
  await redis.connect();
  const gateway = createApp({ config: loadConfig(gatewayEnvSchema, { ...testServiceEnv, ...env }), redis });
  const { url, port } = await gateway.start();
  return { gateway, url, port };
}
