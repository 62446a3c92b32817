import { generateKeyPairSync } from 'node:crypto';
import { appsReading, BOOT_ENV_SCHEMAS, bootProblems } from '../delivery/app-config';
import type { KubeObject } from './kubernetes-schema';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const find = (objects: KubeObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as Any | undefined;

/**
 * Stand-ins for Secrets created out of band (the eks overlay renders none): a
 * value of the right shape per variable, so the boot schema can judge the
 * rest of the environment. Never the development internal token.
 */
const OUT_OF_BAND_SECRETS: Record<string, () => string> = {
  DATABASE_URL: () => 'postgresql://app:secret@db.internal:5432/peerprep?sslmode=require',
  REDIS_URL: () => 'rediss://default:secret@cache.internal:6379',
  AMQP_URL: () => 'amqps://peerprep:secret@mq.internal:5671',
  JWT_PRIVATE_KEY: () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  INTERNAL_API_TOKEN: () => 'an-out-of-band-secret-of-64-hex-characters-0123456789abcdef0123',
  ADMIN_PASSWORD: () => 'Out-of-band admin password 1!',
  TURN_SECRET: () => 'an-out-of-band-turn-secret-0123456789abcdef',
};

/**
 * The environment an app's container starts with in a rendered overlay: its
 * ConfigMap(s), literal values, and its Secrets, read from the rendered
 * Secret when the overlay generates it, else a stand-in (an optional
 * reference to a Secret that is not there stays unset).
 */
export function containerEnvironment(objects: KubeObject[], app: string): { env: Record<string, string>; problems: string[] } {
  const env: Record<string, string> = {};
  const problems: string[] = [];
  const deployment = find(objects, 'Deployment', app);
  if (!deployment) return { env, problems: [`Deployment ${app} is missing`] };
  const container = deployment.spec.template.spec.containers[0] as Any;
  for (const source of (container.envFrom ?? []) as Any[]) {
    const name = source.configMapRef?.name;
    if (!name) continue;
    const map = find(objects, 'ConfigMap', name);
    if (map) Object.assign(env, map.data ?? {});
    else problems.push(`Deployment ${app}: ConfigMap ${name} is not in the overlay`);
  }
  for (const variable of (container.env ?? []) as Any[]) {
    if (typeof variable.value === 'string') {
      env[variable.name] = variable.value;
      continue;
    }
    const fromMap = variable.valueFrom?.configMapKeyRef;
    if (fromMap) {
      const value = find(objects, 'ConfigMap', fromMap.name)?.data?.[fromMap.key];
      if (value !== undefined) env[variable.name] = value;
      else if (!fromMap.optional) problems.push(`Deployment ${app}: ${variable.name} reads a missing ConfigMap key ${fromMap.name}/${fromMap.key}`);
      continue;
    }
    const fromSecret = variable.valueFrom?.secretKeyRef;
    if (!fromSecret) continue;
    const secret = find(objects, 'Secret', fromSecret.name);
    if (secret) {
      const encoded = secret.data?.[fromSecret.key];
      if (encoded !== undefined) env[variable.name] = Buffer.from(encoded, 'base64').toString();
      else if (!fromSecret.optional) problems.push(`Deployment ${app}: ${variable.name} reads a missing Secret key ${fromSecret.name}/${fromSecret.key}`);
    } else if (!fromSecret.optional) {
      const standIn = OUT_OF_BAND_SECRETS[variable.name];
      if (standIn) env[variable.name] = standIn();
      else problems.push(`Deployment ${app}: no stand-in for the out-of-band Secret variable ${variable.name}`);
    }
  }
  return { env, problems };
}

/**
 * Every backend boots in production with what the overlay gives it (its boot
 * schema passes, including the refusal of the development internal token)
 * and overrides every default meant for a developer machine.
 */
export function checkAppEnvironments(objects: KubeObject[]): string[] {
  return Object.keys(BOOT_ENV_SCHEMAS).flatMap((app) => {
    const { env, problems } = containerEnvironment(objects, app);
    return [...problems, ...(problems.length > 0 ? [] : bootProblems(app, env))];
  });
}

/**
 * A secret two services must agree on (INTERNAL_API_TOKEN: question-service
 * checks what collaboration-service sends) comes to every reader from one
 * and the same Secret key.
 */
export function checkSharedSecret(objects: KubeObject[], variable: string): string[] {
  const readers = appsReading(variable);
  const refs = readers.map((app) => {
    const container = find(objects, 'Deployment', app)?.spec.template.spec.containers[0] as Any | undefined;
    const ref = ((container?.env ?? []) as Any[]).find((e) => e.name === variable)?.valueFrom?.secretKeyRef;
    return { app, ref: ref ? `${ref.name}/${ref.key}` : undefined };
  });
  const problems = refs.filter(({ ref }) => !ref).map(({ app }) => `Deployment ${app}: ${variable} must come from a Secret (secretKeyRef)`);
  const distinct = [...new Set(refs.map(({ ref }) => ref).filter(Boolean))];
  if (distinct.length > 1) {
    problems.push(`${variable} must come from one Secret key for ${readers.join(', ')}; found ${refs.map(({ app, ref }) => `${app}: ${ref}`).join(', ')}`);
  }
  return problems;
}
