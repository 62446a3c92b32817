// docker-compose.yml, the .env.example files and the Kubernetes manifests configure
// the apps, so they are checked against the apps' own config schemas: a renamed,
// removed or newly required variable fails a test here, not a deployment at boot.
// Each schema is its service's config library (type:config), the one kind of
// project the boundary rules let tooling import.
import { gatewayEnvSchema } from '@peerprep/api-gateway-config';
import { collaborationServiceEnvSchema, DEV_TURN_SECRET } from '@peerprep/collaboration-service-config';
import { executionEnvSchema } from '@peerprep/execution-service-config';
import { matchingEnvSchema } from '@peerprep/matching-service-config';
import { DEV_INTERNAL_API_TOKEN, questionServiceEnvSchema } from '@peerprep/question-service-config';
import { userEnvSchema } from '@peerprep/user-service-config';
import type { z } from 'zod';

export type EnvSchema = z.ZodObject;

/**
 * The schema each backend's `src/main.ts` boots with (`loadConfigOrExit`), with
 * its production-only rules (user-service's signing key, the refusal of the
 * development internal token). `app-config.spec.ts` checks that main.ts still
 * names these.
 */
export const BOOT_ENV_SCHEMAS: Readonly<Record<string, { schema: EnvSchema; exportName: string }>> = {
  'api-gateway': { schema: gatewayEnvSchema, exportName: 'gatewayEnvSchema' },
  'user-service': { schema: userEnvSchema, exportName: 'userEnvSchema' },
  'question-service': { schema: questionServiceEnvSchema, exportName: 'questionServiceEnvSchema' },
  'matching-service': { schema: matchingEnvSchema, exportName: 'matchingEnvSchema' },
  'collaboration-service': { schema: collaborationServiceEnvSchema, exportName: 'collaborationServiceEnvSchema' },
  'execution-service': { schema: executionEnvSchema, exportName: 'executionEnvSchema' },
};

export { DEV_INTERNAL_API_TOKEN };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What a variable is when unset (undefined when it has no default). */
function defaultOf(schema: EnvSchema, variable: string): unknown {
  const parsed = (schema.shape[variable] as z.ZodType).safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}

function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return LOOPBACK_HOSTS.has(new URL(value).hostname);
  } catch {
    return false;
  }
}

/**
 * Variables whose default only works on a developer machine: a URL on the
 * loopback interface (in a container that is the container itself), the
 * development internal token or the development TURN secret. A deployment must set every one of them, even
 * where the schema would boot without it (a JWKS URL on 127.0.0.1 boots and
 * then refuses every token).
 */
export function developmentOnlyDefaults(schema: EnvSchema): string[] {
  return Object.keys(schema.shape).filter((variable) => {
    const fallback = defaultOf(schema, variable);
    return isLoopbackUrl(fallback) || fallback === DEV_INTERNAL_API_TOKEN || fallback === DEV_TURN_SECRET;
  });
}

/**
 * What stops `app` from working with `env` as it runs in an image
 * (NODE_ENV=production from its Dockerfile unless env says otherwise): each
 * problem names the variable. Empty = it boots and reaches its peers.
 */
export function bootProblems(app: string, env: Readonly<Record<string, string>>): string[] {
  const { schema } = BOOT_ENV_SCHEMAS[app] as { schema: EnvSchema };
  const problems: string[] = [];
  const parsed = schema.safeParse({ NODE_ENV: 'production', ...env });
  for (const issue of parsed.error?.issues ?? []) problems.push(`${app}: ${issue.path.join('.')} ${issue.message}`);
  const inherited = new Set(problems.map((problem) => problem.split(' ')[1]));
  for (const variable of developmentOnlyDefaults(schema)) {
    if (env[variable] === undefined && !inherited.has(variable)) {
      problems.push(`${app}: ${variable} is not set (its default only works on a developer machine)`);
    }
  }
  return problems;
}

/** The backends whose boot schema reads `variable`. */
export function appsReading(variable: string): string[] {
  return Object.entries(BOOT_ENV_SCHEMAS)
    .filter(([, { schema }]) => variable in schema.shape)
    .map(([app]) => app);
}
