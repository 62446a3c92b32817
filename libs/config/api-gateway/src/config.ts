import { authEnvSchema } from '@peerprep/auth';
import { baseEnvSchema, portVariable } from '@peerprep/service-kit';
import { z } from 'zod';

const integer = () => z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number');
const serviceUrl = (fallback: string) => z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(fallback);

const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.url({ protocol: /^https?$/, error: 'each origin must be an http(s) URL such as http://localhost:3000' }))
      .min(1, 'at least one origin is required'),
  )
  // Browsers send Origin without a trailing slash; compare like with like.
  .transform((origins) => origins.map((origin) => origin.replace(/\/+$/, '')));

export const gatewayEnvSchema = baseEnvSchema.extend({
  PORT: portVariable(3001),
  /** AUTH_JWKS_URL / AUTH_PUBLIC_KEY: the keys that verify access tokens at the edge. */
  ...authEnvSchema.shape,
  USER_SERVICE_URL: serviceUrl('http://127.0.0.1:3002'),
  QUESTION_SERVICE_URL: serviceUrl('http://127.0.0.1:3003'),
  MATCHING_SERVICE_URL: serviceUrl('http://127.0.0.1:3004'),
  COLLABORATION_SERVICE_URL: serviceUrl('http://127.0.0.1:3005'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).default('redis://127.0.0.1:6379'),
  /** Comma-separated browser origins allowed to call the API with credentials. */
  CORS_ORIGINS: originList.default(['http://localhost:3000']),
  /** Requests per client IP per window, across all gateway replicas (counted in Redis). */
  RATE_LIMIT_POINTS: integer().positive('must be positive').default(600),
  RATE_LIMIT_WINDOW_SECONDS: integer().positive('must be positive').default(60),
  REDIS_KEY_PREFIX: z.string().min(1).default('peerprep:gateway:'),
  /** A service silent for longer than this answers 504. */
  PROXY_TIMEOUT_MS: integer().positive('must be positive').default(30_000),
  /**
   * How many proxies in front of the gateway append to X-Forwarded-For: the
   * Next.js server (npm start, compose) or ingress-nginx (Kubernetes). Each
   * hop must also be a TRUST_PROXY address, so a client reaching the gateway
   * directly (WebSockets) is counted by its socket address whatever it sends.
   * 0 = always the socket address.
   */
  TRUSTED_PROXY_HOPS: integer().min(0, 'must be 0 or more').default(1),
});

export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;
