import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validate } from 'dockerfile-utils';
import { DELIVERY_APPS } from './delivery-apps';
import { argumentsOf, dockerfilePath, dockerStages, readDockerfile, workspaceRoot, type DockerStage } from './dockerfile-model';

const HEALTHCHECK_SCRIPT =
  "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))";
const OCI_LABELS = ['org.opencontainers.image.source', 'org.opencontainers.image.revision', 'org.opencontainers.image.version'];

/** The stages that become images someone runs: the default (last) one and the migrate target. */
function runnableStages(stages: DockerStage[]): DockerStage[] {
  return stages.filter((stage, i) => i === stages.length - 1 || stage.name === 'migrate');
}

/** ENV instructions as name → value (both `A=b C=d` and legacy `A b`). */
function envOf(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of stage.instructions.filter((i) => i.getKeyword() === 'ENV')) {
    const args = instruction.getArguments().map((a) => a.getValue());
    if (args.length === 2 && !args[0]?.includes('=')) env[args[0] as string] = args[1] as string;
    else for (const pair of args) env[pair.split('=')[0] as string] = pair.split('=').slice(1).join('=');
  }
  return env;
}

describe.each(DELIVERY_APPS.map((app) => [app.name, app] as const))('the %s Dockerfile', (name, app) => {
  const content = readDockerfile(name);
  const stages = dockerStages(content);
  const runtime = stages.at(-1) as DockerStage;

  it('exists at apps/<app>/Dockerfile and passes dockerfile-utils validation without a diagnostic', () => {
    expect(existsSync(dockerfilePath(name))).toBe(true);
    expect(validate(content).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it(`starts every stage from ${app.baseImage} or an earlier stage (one libc throughout)`, () => {
    const names = new Set<string>();
    for (const stage of stages) {
      expect([app.baseImage, ...names]).toContain(stage.from);
      if (stage.name) names.add(stage.name);
    }
  });

  it('is multi-stage: manifests-only dependency stage, nx build, pruned production install, runtime', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const deps = stages[0] as DockerStage;
    expect(argumentsOf(deps, 'COPY')).toEqual(['package.json package-lock.json ./']);
    const build = stages.find((stage) => argumentsOf(stage, 'RUN').some((run) => run.includes(`npx nx build ${name}`)));
    expect(build).toBeDefined();
    if (name === 'frontend') {
      // Next's standalone output is the traced, pruned production install.
      expect(argumentsOf(runtime, 'COPY')).toContain('/workspace/apps/frontend/.next/standalone ./');
    } else {
      const prodDeps = stages.find((stage) => argumentsOf(stage, 'RUN').some((run) => /npm ci --omit=dev/.test(run)));
      expect(argumentsOf(prodDeps as DockerStage, 'COPY').join(' ')).toContain(`dist/apps/${name}/package.json`);
      expect(argumentsOf(runtime, 'COPY')).toEqual(expect.arrayContaining(['/app/node_modules ./node_modules']));
    }
  });

  it('runs as the node user with NODE_ENV=production, behind tini, with plain node as the command', () => {
    for (const stage of runnableStages(stages)) {
      expect(argumentsOf(stage, 'USER').at(-1)).toBe('node');
      expect(envOf(stage)['NODE_ENV']).toBe('production');
      expect(argumentsOf(stage, 'RUN')).toContain('apk add --no-cache tini');
      expect(JSON.parse(argumentsOf(stage, 'ENTRYPOINT').at(-1) ?? 'null')).toEqual(['/sbin/tini', '--']);
      expect(JSON.parse(argumentsOf(stage, 'CMD').at(-1) ?? '[]')[0]).toBe('node');
    }
  });

  it('checks its health with node alone and exposes its port', () => {
    const healthchecks = runtime.instructions.filter((i) => i.getKeyword() === 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    const command = JSON.parse((healthchecks[0]?.getArgumentsContent() ?? '').replace(/^CMD\s+/, ''));
    expect(command).toEqual(['node', '-e', HEALTHCHECK_SCRIPT]);
    expect(argumentsOf(runtime, 'EXPOSE')).toEqual([String(app.port)]);
    expect(envOf(runtime)['PORT']).toBe(String(app.port));
  });

  it('labels every runnable image with OCI source, revision and version from build arguments', () => {
    for (const stage of runnableStages(stages)) {
      const labels = argumentsOf(stage, 'LABEL').join(' ');
      const args = argumentsOf(stage, 'ARG').map((arg) => arg.split('=')[0]);
      for (const label of OCI_LABELS) {
        const match = new RegExp(`${label.replace(/\./g, '\\.')}=\\$\\{?(\\w+)`).exec(labels);
        expect(match).not.toBeNull();
        expect(args).toContain(match?.[1]);
      }
    }
  });

  it('copies no .env file or key into any stage', () => {
    for (const stage of stages) {
      for (const copy of [...argumentsOf(stage, 'COPY'), ...argumentsOf(stage, 'ADD')]) {
        expect(copy).not.toMatch(/(^|[\s/])\.env|\.pem\b|\.key\b/);
      }
    }
  });

  if (app.database) {
    it('has a migrate target that runs prisma migrate deploy with the service config, as node', () => {
      const migrate = stages.find((stage) => stage.name === 'migrate') as DockerStage;
      expect(migrate).toBeDefined();
      expect(JSON.parse(argumentsOf(migrate, 'CMD').at(-1) ?? '[]')).toEqual([
        'node',
        'node_modules/prisma/build/index.js',
        'migrate',
        'deploy',
        '--config',
        `apps/${name}/prisma.config.ts`,
      ]);
      expect(argumentsOf(migrate, 'COPY')).toEqual(
        expect.arrayContaining([
          `apps/${name}/prisma apps/${name}/prisma`,
          'libs/prisma-migrate/src libs/prisma-migrate/src',
          // The manifest carrying the `#prisma-migrate` alias prisma.config.ts imports the adapter by.
          '/migrate/package.json ./',
        ]),
      );
    });
  }
});

describe('the migrate images\' manifest (tools/delivery/migrate-manifest.mjs)', () => {
  it('maps the `#prisma-migrate` alias of prisma.config.ts exactly as the workspace does', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'migrate-manifest-'));
    try {
      execFileSync(process.execPath, ['tools/delivery/migrate-manifest.mjs', 'package-lock.json', folder], { cwd: workspaceRoot });
      const written = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { imports?: unknown };
      const workspace = JSON.parse(readFileSync(path.join(workspaceRoot, 'package.json'), 'utf8')) as { imports?: unknown };
      expect(written.imports).toEqual(workspace.imports);
      expect(written.imports).toHaveProperty('#prisma-migrate');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('.dockerignore', () => {
  const patterns = readFileSync(path.join(workspaceRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it.each([
    ['node_modules', '**/node_modules'],
    ['build output', 'dist'],
    ['the Nx cache', '.nx'],
    ['Next.js output', '**/.next'],
    ['.env files', '**/.env'],
    ['.env.* files', '**/.env.*'],
    ['Playwright results', '**/test-results'],
    ['coverage', 'coverage'],
    ['generated Prisma clients', 'apps/*/src/generated'],
    ['git history', '.git'],
  ])('keeps %s out of the build context', (_what, pattern) => {
    expect(patterns).toContain(pattern);
  });

  it('lets no .env file back in', () => {
    expect(patterns.filter((p) => p.startsWith('!') && p.includes('.env'))).toEqual([]);
  });
});
