import { z } from 'zod';
import { invalidTrustEntries } from './client-address';

// z.coerce turns 'abc' into NaN, whose default message ("received NaN") says
// little to an operator reading a crash log.
const integer = () => z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number');
const port = () => integer().min(0, 'must be a port (0-65535)').max(65535, 'must be a port (0-65535)');

/**
 * A comma-separated list of proxy addresses (IPs, CIDRs, or proxy-addr's
 * `loopback`, `linklocal`, `uniquelocal`) whose X-Forwarded-For entry is believed.
 */
export function trustedAddressesVariable(fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .superRefine((entries, ctx) => {
      const invalid = invalidTrustEntries(entries);
      if (invalid.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `not an IP, a CIDR or loopback/linklocal/uniquelocal: ${invalid.join(', ')}`,
        });
      }
    });
}

/**
 * Variables every backend service reads. PORT has no default here: each
 * service extends the schema with its own port (see `portVariable`).
 */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port(),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)?$/i, 'must be a size such as 100kb or 1mb')
    .default('100kb'),
  SHUTDOWN_TIMEOUT_MS: integer().positive('must be positive').default(10_000),
  // Above the 60 s idle timeout of common load balancers (AWS ALB, ingress-nginx),
  // so the balancer, not the service, closes idle connections: no 502 races.
  KEEP_ALIVE_TIMEOUT_MS: integer()
    .min(60_001, 'must be above 60000 (load balancer idle timeout)')
    .default(65_000),
  /**
   * Who may tell this process the client's address: the one proxy hop in
   * front of it (for a service, the gateway; for the gateway, the frontend or
   * ingress). Anyone else's X-Forwarded-For is ignored. The default suits
   * `npm start`, where the gateway (and Next) run on this machine.
   */
  TRUST_PROXY: trustedAddressesVariable('loopback'),
});

export type BaseConfig = z.infer<typeof baseEnvSchema>;

/** A duration in whole milliseconds, with its default and lower bound. */
export function millisecondsVariable(fallback: number, min = 1) {
  return z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(min, `must be at least ${min}`)
    .default(fallback);
}

/** A PORT variable with the service's own default, to extend `baseEnvSchema` with. */
export function portVariable(defaultPort: number) {
  return port().default(defaultPort);
}

export interface ConfigIssue {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(
      `Invalid environment configuration:\n${issues.map((i) => `  - ${i.variable}: ${i.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

// An empty value (`PORT=` in a .env file or a compose file) means "not set",
// so the default applies instead of a confusing coercion of '' to 0.
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') result[key] = value;
  }
  return result;
}

/** The placeholder the example files put in every secret ("change-me-…"). */
export const PLACEHOLDER_SECRET = /change[-_]?me/i;

/**
 * In production, every variable the service reads whose value still holds the
 * examples' placeholder (`change-me-…`, also inside a URL's password): a copied
 * .env.example must not go live with secrets anyone can read in this repository.
 * The issue names the variable, never its value.
 */
function placeholderIssues(config: unknown, env: Record<string, string>): ConfigIssue[] {
  if (typeof config !== 'object' || config === null || (config as { NODE_ENV?: unknown }).NODE_ENV !== 'production') return [];
  return Object.keys(config)
    .filter((variable) => env[variable] !== undefined && PLACEHOLDER_SECRET.test(env[variable]))
    .map((variable) => ({ variable, message: 'still holds the "change-me" placeholder: set a real secret in production' }));
}

/**
 * Parses the environment once; throws a ConfigError naming every bad
 * variable, and, in production, every one left at a "change-me" placeholder.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const values = withoutEmptyValues(env);
  const result = schema.safeParse(values);
  if (result.success) {
    const placeholders = placeholderIssues(result.data, values);
    if (placeholders.length > 0) throw new ConfigError(placeholders);
    return result.data;
  }
  // The variable is the first path element; deeper elements (an item of a
  // parsed list) only refine the message.
  const issues = result.error.issues.map((issue) => {
    const [variable, ...inner] = issue.path.map(String);
    return {
      variable: variable ?? '(environment)',
      message: inner.length > 0 ? `${issue.message} (at ${inner.join('.')})` : issue.message,
    };
  });
  throw new ConfigError(issues);
}

/** For main.ts: a bad environment stops the process with exit code 1 and a readable message. */
export function loadConfigOrExit<S extends z.ZodType>(
  serviceName: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`[${serviceName}] cannot start: ${error.message}\n`);
    process.exit(1);
  }
}

/**
 * Connection URLs shared by the services, each with the local default that
 * `npm start` and the tests use (the local servers on 127.0.0.1: docs/architecture.md, "Services").
 */
export const connectionVariables = {
  postgres: (database: string) =>
    z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' })
      .default(`postgresql://postgres@127.0.0.1:5432/${database}`),
  redis: () => z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).default('redis://127.0.0.1:6379'),
  amqp: () =>
    z.url({ protocol: /^amqps?$/, error: 'must be an amqp:// URL' }).default('amqp://guest:guest@127.0.0.1:5672'),
  http: (fallback: string) => z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(fallback),
};

/**
 * The shared secret of service-to-service calls (`x-internal-token`). The
 * default only suits a developer machine: see `refuseDevInternalTokenInProduction`.
 */
export const DEV_INTERNAL_API_TOKEN = 'peerprep-dev-internal-token';

export function internalTokenVariable() {
  return z.string().min(16, 'must be at least 16 characters').default(DEV_INTERNAL_API_TOKEN);
}

/**
 * A service's boot schema: in production the development internal token
 * would let anyone who read this repository call internal routes, so it is a
 * configuration error naming INTERNAL_API_TOKEN, not a warning.
 */
export function refuseDevInternalTokenInProduction<S extends z.ZodType<{ NODE_ENV: string; INTERNAL_API_TOKEN: string }>>(
  schema: S,
  sharedWith: string,
) {
  return schema.superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && config.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['INTERNAL_API_TOKEN'],
        message: `must be set to a secret shared with ${sharedWith} in production (not the development default)`,
      });
    }
  });
}
