import { loadConfigOrExit, runService } from '@peerprep/service-kit';
import { Redis } from 'ioredis';
import { gatewayEnvSchema } from '@peerprep/api-gateway-config';
import { createApp } from './app';

const config = loadConfigOrExit('api-gateway', gatewayEnvSchema);
// No offline queue: while Redis is down a rate-limit check must fail fast (and
// fall back to the in-memory window), not wait for a reconnect.
const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
const gateway = createApp({ config, redis });
redis.on('error', (error) => gateway.logger.warn({ err: error }, 'redis connection error'));

void runService(gateway);
