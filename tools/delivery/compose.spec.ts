import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// The compose file configures the apps, so it is checked against the apps' own
// config schemas (their config libraries): a renamed or removed variable fails
// here, not at boot.
import { gatewayEnvSchema } from '@peerprep/api-gateway-config';
import { collaborationEnvSchema } from '@peerprep/collaboration-service-config';
import { executionEnvSchema } from '@peerprep/execution-service-config';
import { matchingEnvSchema } from '@peerprep/matching-service-config';
import { questionEnvSchema } from '@peerprep/question-service-config';
import { userEnvSchema } from '@peerprep/user-service-config';
import { parse } from 'yaml';
import type { z } from 'zod';
import { appsReading, BOOT_ENV_SCHEMAS, bootProblems } from './app-config';
import { ComposeError, type ComposeProject, type ComposeService, loadComposeFile } from './compose-model';
import { imageName, loadBakeFile, type BakeTarget } from './bake-model';
import { BACKEND_APPS, DELIVERY_APPS, STORES } from './delivery-apps';
import { resolveDockerfile, workspaceRoot } from './dockerfile-model';
import { problemsOfSandboxProfile, SANDBOX_SECURITY_OPTIONS, sandboxProfilePath } from './sandbox-profile';

const composeFile = path.join(workspaceRoot, 'docker-compose.yml');
/** The debugging override: only `ports`, merged over docker-compose.yml by `-f docker-compose.yml -f docker-compose.debug.yml`. */
const debugPorts = (parse(readFileSync(path.join(workspaceRoot, 'docker-compose.debug.yml'), 'utf8')) as {
  services: Record<string, { ports: string[] }>;
}).services;
/** coturn's relay ports: what compose publishes and what it is told to allocate from. */
const TURN_RELAY_PORTS = { min: 49160, max: 49200 } as const;
/** The services a browser reaches: everything else stays inside the compose network unless debugging. */
const PUBLISHED_BY_DEFAULT: Record<string, string[]> = {
  frontend: ['3000:3000'],
  'api-gateway': ['3001:3001'],
  // The call's TURN server: its listening port, both ways, and its relay ports (UDP).
  turn: [
    '3478:3478/udp',
    '3478:3478',
    ...Array.from({ length: TURN_RELAY_PORTS.max - TURN_RELAY_PORTS.min + 1 }, (_, i) => `${TURN_RELAY_PORTS.min + i}:${TURN_RELAY_PORTS.min + i}/udp`),
  ],
};
const TURN_ADDRESS = '172.30.77.12';
/** "published:target", with "/udp" for a UDP port (TCP is the default). */
const portMapping = (p: { published?: number | string; target: number; protocol?: string }) =>
  `${p.published}:${p.target}${p.protocol && p.protocol !== 'tcp' ? `/${p.protocol}` : ''}`;
const FRONTEND_ADDRESS = '172.30.77.10';
const GATEWAY_ADDRESS = '172.30.77.11';
const bake = loadBakeFile();
/** The bake target of an image (docker-bake.json): its Dockerfile and build arguments are what compose must build with. */
const bakeTarget = (image: string) => bake.targets[image] as BakeTarget;
const envExample = path.join(workspaceRoot, '.env.example');
const jwtPrivateKey = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString()
  .replace(/\n/g, '\\n');

/**
 * `docker compose --env-file <envFile> config` without Docker (compose-model.ts):
 * .env.example plus a generated key, as a user's .env would be, and only the
 * given shell environment. Either the project and compose's warnings, or why compose refuses it.
 */
function composeConfig(environment: Record<string, string | undefined>, envFile = envExample) {
  try {
    return { ...loadComposeFile(composeFile, { envFile, environment }), error: undefined };
  } catch (error) {
    if (!(error instanceof ComposeError)) throw error;
    return { project: undefined, warnings: [], error };
  }
}

type EnvSchema = z.ZodObject;
/** Which schema (or fixed list) names the variables each compose service may set. */
const ENV_NAMES: Record<string, EnvSchema | readonly string[]> = {
  'api-gateway': gatewayEnvSchema,
  'user-service': userEnvSchema,
  'question-service': questionEnvSchema,
  'question-service-seed': questionEnvSchema,
  'matching-service': matchingEnvSchema,
  'collaboration-service': collaborationEnvSchema,
  'execution-service': executionEnvSchema,
  // prisma.config.ts (libs/prisma-migrate) reads only DATABASE_URL.
  'user-service-migrate': ['DATABASE_URL'],
  'question-service-migrate': ['DATABASE_URL'],
  'collaboration-service-migrate': ['DATABASE_URL'],
  // Next's standalone server.js reads these at run time; GATEWAY_URL is a build argument.
  frontend: ['PORT', 'HOSTNAME', 'NODE_ENV', 'NEXT_TELEMETRY_DISABLED'],
};

describe('docker-compose.yml', () => {
  let compose: ComposeProject;

  beforeAll(() => {
    const result = composeConfig({ JWT_PRIVATE_KEY: jwtPrivateKey });
    if (result.error) throw result.error;
    compose = result.project;
  });

  it("passes the Compose Specification schema and compose's own checks, without a warning, with .env.example and a generated JWT key", () => {
    const result = composeConfig({ JWT_PRIVATE_KEY: jwtPrivateKey });
    expect(result.error?.problems).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it('refuses to start without a JWT_PRIVATE_KEY, saying how to make one', () => {
    const result = composeConfig({});
    expect(result.error).toBeInstanceOf(ComposeError);
    expect(result.error?.message).toContain('required variable JWT_PRIVATE_KEY is missing a value: generate JWT_PRIVATE_KEY into .env');
  });

  it.each(DELIVERY_APPS.map((app) => [app.name, app] as const))(
    'builds %s as docker-bake.json builds its image, at the repository root, on its port (published on the same host port by default or with docker-compose.debug.yml)',
    (name, app) => {
      const service = compose.services[name];
      expect(service?.build?.dockerfile).toBe(bakeTarget(imageName(name)).dockerfile);
      expect(service?.build?.args).toEqual(bakeTarget(imageName(name)).args);
      expect(service?.build?.context).toBe(workspaceRoot);
      expect(service?.build?.target).toBeUndefined();
      expect(service?.environment?.['PORT']).toBe(String(app.port));
      const published = name in PUBLISHED_BY_DEFAULT ? service?.ports : debugPorts[name]?.ports;
      expect(published?.map((p) => (typeof p === 'string' ? p : `${p.published}:${p.target}`))).toEqual([`${app.port}:${app.port}`]);
    },
  );

  it('publishes only the web site and the gateway by default; nothing behind them is reachable from the host', () => {
    const published = Object.fromEntries(
      Object.entries(compose.services)
        .filter(([, service]) => (service.ports ?? []).length > 0)
        .map(([name, service]) => [name, (service.ports ?? []).map(portMapping)]),
    );
    expect(published).toEqual(PUBLISHED_BY_DEFAULT);
  });

  it.each(Object.entries(STORES))('runs %s with a health check, a named volume, and the decided host ports only in docker-compose.debug.yml', (name, ports) => {
    const service = compose.services[name];
    expect(service?.healthcheck?.test?.length).toBeGreaterThan(0);
    const sources = (service?.volumes ?? []).map((v) => v.source);
    const named = sources.filter((source) => source !== undefined && source in (compose.volumes ?? {}));
    expect(named).toHaveLength(1);
    expect(service?.ports ?? []).toEqual([]);
    const published = Object.fromEntries((debugPorts[name]?.ports ?? []).map((p) => p.split(':').reverse().map(Number)));
    expect(published).toEqual(Object.fromEntries(Object.entries(ports).map(([k, v]) => [Number(k), v])));
  });

  it('publishes no host port twice, with or without the debugging ports, and debugs only services that exist', () => {
    // A host port is taken once per protocol (the TURN server listens on 3478 over UDP and TCP).
    const published = [
      ...Object.values(compose.services).flatMap((s) => (s.ports ?? []).map((p) => `${p.published}/${p.protocol ?? 'tcp'}`)),
      ...Object.values(debugPorts).flatMap((s) => s.ports.map((p) => `${p.split(':')[0]}/tcp`)),
    ];
    expect(new Set(published).size).toBe(published.length);
    expect(Object.keys(debugPorts).filter((name) => !(name in compose.services))).toEqual([]);
    expect(Object.values(debugPorts).flatMap((s) => Object.keys(s).filter((key) => key !== 'ports'))).toEqual([]);
  });

  it('makes Redis require the .env password and hands it to every client, refusing to start without it', () => {
    const redis = compose.services['redis'];
    expect(redis?.command).toEqual(['sh', '-c', 'exec redis-server --appendonly yes --requirepass "$REDIS_PASSWORD"']);
    expect(redis?.environment?.['REDIS_PASSWORD']).toBe('change-me-redis-password');
    expect(redis?.healthcheck?.test?.join(' ')).toContain('REDISCLI_AUTH="$REDIS_PASSWORD"');
    const clients = Object.entries(compose.services).filter(([, service]) => service.environment?.['REDIS_URL'] !== undefined);
    expect(clients.map(([name]) => name).sort()).toEqual(appsReading('REDIS_URL').sort());
    for (const [name, service] of clients) {
      const url = new URL(service.environment?.['REDIS_URL'] ?? '');
      expect({ name, host: url.host, password: url.password }).toEqual({ name, host: 'redis:6379', password: 'change-me-redis-password' });
    }

    const dir = mkdtempSync(path.join(tmpdir(), 'compose-env-'));
    try {
      const withoutPassword = path.join(dir, '.env');
      writeFileSync(withoutPassword, readFileSync(envExample, 'utf8').replace(/^REDIS_PASSWORD=.*$/m, ''));
      const refused = composeConfig({ JWT_PRIVATE_KEY: jwtPrivateKey }, withoutPassword);
      expect(refused.error?.message).toContain('set REDIS_PASSWORD in .env');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the call\'s TURN server (coturn, pinned) on the shared secret alone, relaying to public addresses only', () => {
    const turn = compose.services['turn'] as ComposeService & { image?: string; networks?: Record<string, { ipv4_address?: string }> };
    expect(turn.image).toMatch(/^coturn\/coturn:\d+\.\d+\.\d+(-alpine)?$/);
    expect(turn.command?.slice(0, 2)).toEqual(['sh', '-c']);
    const flags = String(turn.command?.[2]).split(/\s+/);
    expect(flags.slice(0, 2)).toEqual(['exec', 'turnserver']);
    expect(flags).toEqual(
      expect.arrayContaining([
        '--use-auth-secret',
        '--static-auth-secret="$TURN_SECRET"',
        '--realm="$TURN_REALM"',
        '--listening-port=3478',
        `--min-port=${TURN_RELAY_PORTS.min}`,
        `--max-port=${TURN_RELAY_PORTS.max}`,
        '--no-cli',
        '--fingerprint',
        '--no-multicast-peers',
        `--relay-ip=${TURN_ADDRESS}`,
      ]),
    );
    // No static user or password anywhere: only the REST scheme's credentials.
    expect(flags.filter((flag) => /^--(user|lt-cred-mech|userdb)/.test(flag))).toEqual([]);
    // Private, loopback, link-local and CGNAT peers are denied (this network, 172.30.77.0/24, among them)...
    const denied = flags.filter((flag) => flag.startsWith('--denied-peer-ip=')).map((flag) => flag.slice('--denied-peer-ip='.length));
    expect(denied).toEqual(
      expect.arrayContaining([
        '10.0.0.0-10.255.255.255',
        '172.16.0.0-172.31.255.255',
        '192.168.0.0-192.168.255.255',
        '127.0.0.0-127.255.255.255',
        '169.254.0.0-169.254.255.255',
        '100.64.0.0-100.127.255.255',
        '::1',
      ]),
    );
    // ...but its own address, which two relayed browsers of one call reach each other through.
    expect(flags.filter((flag) => flag.startsWith('--allowed-peer-ip='))).toEqual([`--allowed-peer-ip=${TURN_ADDRESS}`]);
    expect(turn.networks?.['default']?.ipv4_address).toBe(TURN_ADDRESS);

    const collab = compose.services['collaboration-service']?.environment ?? {};
    expect(turn.environment?.['TURN_SECRET']).toBe('change-me-turn-secret');
    expect(collab['TURN_SECRET']).toBe(turn.environment?.['TURN_SECRET']);
    expect(collab['TURN_URLS']).toBe('turn:localhost:3478?transport=udp,turn:localhost:3478?transport=tcp');
    expect(turn.environment?.['TURN_REALM']).toBe('localhost');

    const dir = mkdtempSync(path.join(tmpdir(), 'compose-env-'));
    try {
      const withoutSecret = path.join(dir, '.env');
      writeFileSync(withoutSecret, readFileSync(envExample, 'utf8').replace(/^TURN_SECRET=.*$/m, ''));
      const refused = composeConfig({ JWT_PRIVATE_KEY: jwtPrivateKey }, withoutSecret);
      expect(refused.error?.message).toContain('set TURN_SECRET in .env');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('trusts exactly one hop per service: the gateway believes only the frontend, the services only the gateway', () => {
    const network = compose.networks['default'] as { ipam?: { config?: { subnet?: string }[] } };
    expect(network.ipam?.config?.[0]?.subnet).toBe('172.30.77.0/24');
    const addressOf = (name: string) =>
      ((compose.services[name]?.['networks'] as Record<string, { ipv4_address?: string }> | undefined)?.['default'])?.ipv4_address;
    expect(addressOf('frontend')).toBe(FRONTEND_ADDRESS);
    expect(addressOf('api-gateway')).toBe(GATEWAY_ADDRESS);
    expect(compose.services['api-gateway']?.environment).toMatchObject({ TRUST_PROXY: FRONTEND_ADDRESS, TRUSTED_PROXY_HOPS: '1' });
    for (const name of ['user-service', 'question-service', 'matching-service', 'collaboration-service']) {
      expect({ name, trusts: compose.services[name]?.environment?.['TRUST_PROXY'] }).toEqual({ name, trusts: GATEWAY_ADDRESS });
    }
    // The frontend image's entry appends the browser's address to X-Forwarded-For before Next's /api rewrite.
    expect(readFileSync(path.join(workspaceRoot, 'apps/frontend/Dockerfile'), 'utf8')).toContain('CMD ["node", "apps/frontend/serve.cjs"]');
  });

  it('gives each data-owning service its own Postgres and a migrate one-shot that the service waits for', () => {
    for (const app of DELIVERY_APPS.filter((a) => a.database)) {
      const database = app.database as NonNullable<(typeof app)['database']>;
      const migrate = compose.services[`${app.name}-migrate`];
      const image = bakeTarget(`${imageName(app.name)}_migrate`);
      expect(migrate?.build).toMatchObject({ dockerfile: image.dockerfile, target: 'migrate', args: image.args });
      expect(migrate?.restart).toBe('no');
      expect(migrate?.depends_on?.[database.service]).toEqual({ condition: 'service_healthy' });
      expect(new URL(migrate?.environment?.['DATABASE_URL'] ?? '').host).toBe(`${database.service}:5432`);
      expect(compose.services[app.name]?.environment?.['DATABASE_URL']).toBe(migrate?.environment?.['DATABASE_URL']);
      expect(compose.services[app.name]?.depends_on?.[`${app.name}-migrate`]).toEqual({
        condition: 'service_completed_successfully',
      });
    }
  });

  it('seeds the question bank once the questions database is migrated', () => {
    const seed = compose.services['question-service-seed'];
    expect(seed?.build).toEqual(compose.services['question-service']?.build);
    expect(seed?.command).toEqual(['node', '--enable-source-maps', 'seed.js']);
    expect(seed?.depends_on?.['question-service-migrate']).toEqual({ condition: 'service_completed_successfully' });
    expect(seed?.environment?.['DATABASE_URL']).toBe(compose.services['question-service']?.environment?.['DATABASE_URL']);
  });

  it('sets a condition on every depends_on, and waits for health only where there is a health check', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect({ name, dependency, condition }).toEqual({
          name,
          dependency,
          condition: expect.stringMatching(/^service_(healthy|completed_successfully)$/),
        });
        const target = compose.services[dependency] as ComposeService;
        if (condition === 'service_healthy') {
          const imageHealthcheck =
            target.build && !target.build.target
              ? (
                  resolveDockerfile(readFileSync(path.resolve(target.build.context, target.build.dockerfile), 'utf8'), withoutEmpty(target.build.args ?? {})).stages.at(-1)
                    ?.instructions ?? []
                ).some((i) => i.keyword === 'HEALTHCHECK')
              : false;
          expect({ dependency, healthcheck: Boolean(target.healthcheck?.test) || imageHealthcheck }).toEqual({
            dependency,
            healthcheck: true,
          });
        } else {
          expect(target.restart).toBe('no');
        }
      }
    }
  });

  it.each(Object.keys(ENV_NAMES))('sets only variables that %s reads, with values its config schema accepts', (name) => {
    const environment = compose.services[name]?.environment ?? {};
    const known = ENV_NAMES[name] as EnvSchema | readonly string[];
    const names = Array.isArray(known) ? known : Object.keys((known as EnvSchema).shape);
    expect(Object.keys(environment).filter((variable) => !names.includes(variable))).toEqual([]);
    if (!Array.isArray(known)) {
      // As the image runs it: NODE_ENV=production comes from the Dockerfile.
      const parsed = (known as EnvSchema).safeParse({ NODE_ENV: 'production', ...withoutEmpty(environment) });
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  it.each(BACKEND_APPS.map((app) => app.name))(
    'gives %s all it needs in production: its boot schema passes and no default meant for a developer machine is left',
    (name) => {
      expect(Object.keys(BOOT_ENV_SCHEMAS)).toContain(name);
      expect(bootProblems(name, withoutEmpty(compose.services[name]?.environment ?? {}))).toEqual([]);
    },
  );

  it('hands question-service and collaboration-service the internal token from one .env variable, and refuses to start without it', () => {
    const readers = appsReading('INTERNAL_API_TOKEN');
    expect(readers).toEqual(expect.arrayContaining(['question-service', 'collaboration-service']));
    const token = randomBytes(24).toString('hex');
    const overridden = composeConfig({ JWT_PRIVATE_KEY: jwtPrivateKey, INTERNAL_API_TOKEN: token });
    expect(overridden.error?.problems).toBeUndefined();
    expect(overridden.warnings).toEqual([]);
    const services = overridden.project?.services ?? {};
    expect(Object.fromEntries(readers.map((name) => [name, services[name]?.environment?.['INTERNAL_API_TOKEN']]))).toEqual(
      Object.fromEntries(readers.map((name) => [name, token])),
    );

    const dir = mkdtempSync(path.join(tmpdir(), 'compose-env-'));
    try {
      const withoutToken = path.join(dir, '.env');
      writeFileSync(withoutToken, readFileSync(envExample, 'utf8').replace(/^INTERNAL_API_TOKEN=.*$/m, ''));
      const refused = composeConfig({ JWT_PRIVATE_KEY: jwtPrivateKey }, withoutToken);
      expect(refused.error).toBeInstanceOf(ComposeError);
      expect(refused.error?.message).toContain('set INTERNAL_API_TOKEN in .env');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts a service only once every service it calls (its *_SERVICE_URL) is healthy', () => {
    const missing: string[] = [];
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        if (!variable.endsWith('_SERVICE_URL') || !value) continue;
        const callee = new URL(value).hostname;
        if (!(callee in compose.services)) missing.push(`${name}: ${variable} names ${callee}, which is not a compose service`);
        else if (service.depends_on?.[callee]?.condition !== 'service_healthy') missing.push(`${name} must wait for ${callee} to be healthy`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(DELIVERY_APPS.map((app) => [app.name, app] as const))(
    'relaxes the container defaults for %s only as far as its sandbox needs (none but execution-service), adding no capability',
    (name, app) => {
      const service = compose.services[name] as ComposeService & { security_opt?: string[]; cap_drop?: string[]; cap_add?: string[]; privileged?: boolean };
      expect(service.privileged).toBeUndefined();
      expect(service.cap_add).toBeUndefined();
      if (!app.sandbox) {
        expect(service.security_opt).toBeUndefined();
        return;
      }
      expect([...(service.security_opt ?? [])].sort()).toEqual([...SANDBOX_SECURITY_OPTIONS].sort());
      expect(service.cap_drop).toEqual(['ALL']);
      // Docker reads the profile from the project directory; it must be the one the tests check.
      const seccomp = (service.security_opt ?? []).find((option) => option.startsWith('seccomp='))?.slice('seccomp='.length) ?? '';
      expect(path.resolve(workspaceRoot, seccomp)).toBe(sandboxProfilePath);
      expect(service).toMatchObject({ mem_limit: expect.anything(), pids_limit: expect.any(Number) });
    },
  );

  it("keeps the sandbox's seccomp profile a filter: bwrap's namespace and mount calls allowed, escapes and kernel control refused", () => {
    expect(problemsOfSandboxProfile(JSON.parse(readFileSync(sandboxProfilePath, 'utf8')))).toEqual([]);
    expect(problemsOfSandboxProfile({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['mount', 'bpf'], action: 'SCMP_ACT_ERRNO' }] })).toEqual([
      'denies mount, which bwrap needs',
      'must deny ptrace',
      'must deny open_by_handle_at',
      'must deny kexec_load',
      'must deny init_module',
      'must deny keyctl',
      'must deny userfaultfd',
      'must deny io_uring_setup',
      'must deny perf_event_open',
      'must list the architectures it covers',
    ]);
  });

  it('points execution-service at RabbitMQ and the decided exchange and work queue, once RabbitMQ is healthy', () => {
    const service = compose.services['execution-service'];
    expect(new URL(service?.environment?.['AMQP_URL'] ?? '').host).toBe('rabbitmq:5672');
    expect(service?.environment).toMatchObject({ EVENTS_EXCHANGE: 'peerprep.events', EXECUTION_JOBS_QUEUE: 'execution.jobs', EXECUTION_QUEUE_MAX_LENGTH: '500' });
    expect(service?.depends_on?.['rabbitmq']).toEqual({ condition: 'service_healthy' });
    expect(service?.environment?.['INTERNAL_API_TOKEN']).toBe(compose.services['question-service']?.environment?.['INTERNAL_API_TOKEN']);
  });

  it('addresses services by name, verifies tokens with user-service JWKS, shares the internal token and trusts one proxy hop', () => {
    const env = (name: string) => compose.services[name]?.environment ?? {};
    const verifiers = appsReading('AUTH_JWKS_URL');
    expect(verifiers).toEqual(expect.arrayContaining(['api-gateway', 'question-service', 'matching-service', 'collaboration-service']));
    for (const verifier of verifiers) {
      expect({ verifier, jwks: env(verifier)['AUTH_JWKS_URL'] }).toEqual({ verifier, jwks: 'http://user-service:3002/api/auth/jwks.json' });
    }
    expect(env('api-gateway')).toMatchObject({
      USER_SERVICE_URL: 'http://user-service:3002',
      QUESTION_SERVICE_URL: 'http://question-service:3003',
      MATCHING_SERVICE_URL: 'http://matching-service:3004',
      COLLABORATION_SERVICE_URL: 'http://collaboration-service:3005',
      TRUSTED_PROXY_HOPS: '1',
      CORS_ORIGINS: 'http://localhost:3000',
    });
    expect(env('collaboration-service')['QUESTION_SERVICE_URL']).toBe('http://question-service:3003');
    expect(env('question-service')['INTERNAL_API_TOKEN']).toBe('change-me-internal-api-token');
    expect(env('collaboration-service')['INTERNAL_API_TOKEN']).toBe('change-me-internal-api-token');
    expect(compose.services['frontend']?.build?.args).toEqual({ GATEWAY_URL: 'http://api-gateway:3001' });
  });
});

function withoutEmpty(env: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
