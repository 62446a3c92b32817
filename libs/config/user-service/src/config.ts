import { authEnvSchema } from '@peerprep/auth';
import { baseEnvSchema, connectionVariables, portVariable } from '@peerprep/service-kit';
import { emailSchema, passwordSchema, usernameSchema } from '@peerprep/contracts';
import { z } from 'zod';

const count = (fallback: number) =>
  z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').positive('must be positive').default(fallback);

export const userEnvSchema = baseEnvSchema
  .extend({
    PORT: portVariable(3002),
    DATABASE_URL: connectionVariables.postgres('peerprep_users'),
    REDIS_URL: connectionVariables.redis(),
    AMQP_URL: connectionVariables.amqp(),

    /**
     * The Ed25519 private key that signs access tokens, PKCS#8 PEM (`\n`
     * escapes allowed). Required in production; elsewhere an ephemeral key is
     * generated at boot when it is unset.
     */
    JWT_PRIVATE_KEY: z.string().optional(),
    /** The `kid` of the key; defaults to its RFC 7638 JWK thumbprint. */
    JWT_KEY_ID: z.string().trim().min(1).max(100).optional(),
    REFRESH_TOKEN_TTL_DAYS: count(14),

    /** The first admin, created at start when neither name is taken (promotes only an account whose password is ADMIN_PASSWORD; never re-passworded). All three or none. */
    ADMIN_USERNAME: usernameSchema.optional(),
    ADMIN_EMAIL: emailSchema.optional(),
    ADMIN_PASSWORD: passwordSchema.optional(),

    /** Where the access-token revocation list lives in Redis: the same value as every verifying service. */
    AUTH_REVOCATION_PREFIX: authEnvSchema.shape.AUTH_REVOCATION_PREFIX,

    /** Redis keys of the rate limiters live under this prefix. */
    RATE_LIMIT_PREFIX: z.string().min(1).default('user-service:ratelimit'),
    RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: count(20),
    RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR: count(10),
    RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: count(60),
    // ASVS V2.2.1: at most 100 failed attempts per account per hour, from all clients together.
    RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_PER_HOUR: count(100).refine((n) => n <= 100, 'must be at most 100 (ASVS 2.2.1)'),
    /** Wrong passwords from one client IP on one account before that client is locked out of it (not the owner elsewhere). */
    RATE_LIMIT_FAILED_LOGINS_PER_ACCOUNT_AND_IP: count(5),
    /** The first such lock; each further failure doubles it, up to the maximum. */
    RATE_LIMIT_LOGIN_LOCK_SECONDS: count(60),
    RATE_LIMIT_LOGIN_LOCK_MAX_SECONDS: count(900),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_PRIVATE_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_PRIVATE_KEY'],
        message: 'is required in production (an Ed25519 PKCS#8 PEM key that signs access tokens)',
      });
    }
    const admin = [env.ADMIN_USERNAME, env.ADMIN_EMAIL, env.ADMIN_PASSWORD];
    if (admin.some((v) => v !== undefined) && admin.some((v) => v === undefined)) {
      for (const name of ['ADMIN_USERNAME', 'ADMIN_EMAIL', 'ADMIN_PASSWORD'] as const) {
        if (env[name] === undefined) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'set all of ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD, or none' });
        }
      }
    }
  });

export type UserConfig = z.infer<typeof userEnvSchema>;
