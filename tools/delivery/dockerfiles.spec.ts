import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validate } from 'dockerfile-utils';
import { BakeError, imageName, loadBakeFile, type BakeTarget } from './bake-model';
import { DELIVERY_APPS } from './delivery-apps';
import { argumentsOf, asImage, readWorkspaceFile, resolveDockerfile, stagesBuilt, workspaceRoot, type DockerStage } from './dockerfile-model';

const HEALTHCHECK_SCRIPT =
  "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))";
const OCI_LABELS = ['org.opencontainers.image.source', 'org.opencontainers.image.revision', 'org.opencontainers.image.version'];
const REPOSITORY = 'peerprep4/peerprep4';
const bake = loadBakeFile();

/** The images someone runs: the default (last) stage and the migrate target, each with what it inherits from the stages it starts FROM. */
function runnableStages(stages: DockerStage[]): DockerStage[] {
  return stages.filter((stage, i) => i === stages.length - 1 || stage.name === 'migrate').map((stage) => asImage(stages, stage));
}

/** ENV instructions as name → value (both `A=b C=d` and legacy `A b`). */
function envOf(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of stage.instructions.filter((i) => i.keyword === 'ENV')) {
    const args = instruction.args;
    if (args.length === 2 && !args[0]?.includes('=')) env[args[0] as string] = args[1] as string;
    else for (const pair of args) env[pair.split('=')[0] as string] = pair.split('=').slice(1).join('=');
  }
  return env;
}

/** The Dockerfile a bake target builds, as Docker reads it with the target's build arguments. */
function imageOf(target: BakeTarget) {
  const content = readWorkspaceFile(target.dockerfile);
  const { stages } = resolveDockerfile(content, target.args);
  const declared = new Set(
    stages.flatMap((stage) => stage.instructions.filter((i) => i.keyword === 'ARG').flatMap((i) => i.args.map((a) => a.split('=')[0]))),
  );
  for (const line of content.split('\n').filter((l) => /^ARG\s/i.test(l))) declared.add(line.split(/\s+/)[1]?.split('=')[0] as string);
  const built = stagesBuilt(stages, target.target);
  return { content, stages, declared, built, unset: [...new Set(built.flatMap((stage) => stage.unset))] };
}

/** COPY sources from the build context (not --from a stage), relative to the repository root. */
function contextSources(stages: DockerStage[]): string[] {
  return stages.flatMap((stage) =>
    stage.instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags['from']).flatMap((i) => i.args.slice(0, -1)),
  );
}

describe('docker-bake.json', () => {
  it('names every image once, tagged peerprep4/peerprep4:<target>, and builds them all by default', () => {
    const images = Object.keys(bake.targets).filter((name) => !name.startsWith('_'));
    expect([...(bake.groups['default'] ?? [])].sort()).toEqual([...images].sort());
    for (const name of images) expect({ name, tags: bake.targets[name]?.tags }).toEqual({ name, tags: [`${REPOSITORY}:${name}`] });
    const expected = DELIVERY_APPS.flatMap((app) => [imageName(app.name), ...(app.database ? [`${imageName(app.name)}_migrate`] : [])]);
    expect([...images].sort()).toEqual([...expected].sort());
  });

  it.each(Object.entries(bake.targets).filter(([name]) => !name.startsWith('_')))(
    'builds %s from the repository root, at a stage its Dockerfile has, with build arguments it declares',
    (_name, target) => {
      const { stages, declared } = imageOf(target);
      expect(target.context).toBe('.');
      expect(existsSync(path.join(workspaceRoot, target.dockerfile))).toBe(true);
      expect(stages.map((stage) => stage.name)).toContain(target.target);
      // buildx ignores an argument the Dockerfile does not declare: a misspelt one would build the wrong image quietly.
      expect(Object.keys(target.args).filter((arg) => !declared.has(arg))).toEqual([]);
    },
  );

  it('builds the six Express services from one Dockerfile, apps/Dockerfile; the frontend keeps its own', () => {
    for (const app of DELIVERY_APPS) {
      const dockerfile = app.name === 'frontend' ? 'apps/frontend/Dockerfile' : 'apps/Dockerfile';
      expect({ app: app.name, dockerfile: bake.targets[imageName(app.name)]?.dockerfile }).toEqual({ app: app.name, dockerfile });
      if (app.name !== 'frontend') expect(existsSync(path.join(workspaceRoot, 'apps', app.name, 'Dockerfile'))).toBe(false);
    }
  });

  it.each(DELIVERY_APPS.map((app) => app.name))(
    "gives %s an Nx `docker` target that bakes its images, affected by a change to its Dockerfile or the bake file",
    (name) => {
      const project = JSON.parse(readWorkspaceFile(`apps/${name}/project.json`)) as { targets: Record<string, { inputs?: string[]; options?: { command?: string } }> };
      const nx = JSON.parse(readWorkspaceFile('nx.json')) as { targetDefaults: Record<string, { inputs?: string[] }> };
      const docker = project.targets['docker'];
      const images = Object.keys(bake.targets).filter((image) => image === imageName(name) || image === `${imageName(name)}_migrate`);
      expect(docker?.options?.command).toBe(`docker buildx bake -f docker-bake.json ${images.join(' ')}`);
      const inputs = docker?.inputs ?? nx.targetDefaults['docker']?.inputs ?? [];
      expect(inputs).toEqual(expect.arrayContaining(['production', '{workspaceRoot}/docker-bake.json']));
      const dockerfile = bake.targets[imageName(name)]?.dockerfile as string;
      // A Dockerfile inside the project's folder is already one of its inputs (`production`).
      if (!dockerfile.startsWith(`apps/${name}/`)) expect(inputs).toContain(`{workspaceRoot}/${dockerfile}`);
    },
  );

  it('refuses what buildx would misread: an unknown field, a missing parent, a non-string argument', () => {
    const broken = JSON.stringify({
      group: { default: { targets: ['a', 'nope'] } },
      target: { a: { inherits: ['_gone'], dockerfil: 'apps/Dockerfile', args: { PORT: 3001 } } },
    });
    expect(() => loadBakeFile(broken)).toThrow(BakeError);
    try {
      loadBakeFile(broken);
    } catch (error) {
      expect((error as BakeError).problems).toEqual([
        'target.a.inherits: no target "_gone"',
        'target.a: unknown field "dockerfil"',
        'target.a.args: values must be strings',
        'group.default: no target "nope"',
      ]);
    }
  });
});

describe('resolving a Dockerfile as Docker would', () => {
  it('reports a variable a stage uses without declaring it (a global ARG is visible to FROM lines only)', () => {
    const content = 'ARG APP\nFROM node:24-alpine AS build\nCOPY apps/${APP} apps/${APP}\nFROM build AS next\nARG APP\nRUN echo $APP\n';
    expect(resolveDockerfile(content, { APP: 'user-service' }).unset).toEqual(['APP']);
    const fixed = resolveDockerfile(content.replace('AS build\n', 'AS build\nARG APP\n'), { APP: 'user-service' });
    expect(fixed.unset).toEqual([]);
    expect(argumentsOf(fixed.stages[0] as DockerStage, 'COPY')).toEqual(['apps/user-service apps/user-service']);
  });

  it('follows a stage chosen by a build argument, and ENV into the stages built from it', () => {
    const content = 'ARG FLAVOUR=plain\nFROM node:24-alpine AS a-plain\nENV X=1\nFROM node:24-alpine AS a-fancy\nFROM a-${FLAVOUR} AS chosen\nRUN echo $X\nFROM node:24-alpine\nCOPY --from=chosen /x /x\n';
    const { stages, unset } = resolveDockerfile(content, {});
    expect(unset).toEqual([]);
    expect(stagesBuilt(stages).map((stage) => stage.name)).toEqual(['a-plain', 'chosen', undefined]);
    expect(argumentsOf(stages[2] as DockerStage, 'RUN')).toEqual(['echo 1']);
    expect(stagesBuilt(resolveDockerfile(content, { FLAVOUR: 'fancy' }).stages).map((stage) => stage.name)).toEqual(['a-fancy', 'chosen', undefined]);
  });
});

describe.each(DELIVERY_APPS.map((app) => [app.name, app] as const))('the %s image', (name, app) => {
  const target = bake.targets[imageName(name)] as BakeTarget;
  const { content, stages, unset, built } = imageOf(target);
  const runtime = asImage(stages, built.at(-1) as DockerStage);

  it('is the bake target <service_name>, and its Dockerfile passes dockerfile-utils validation without a diagnostic', () => {
    expect(target).toBeDefined();
    expect(target.target).toBe('runtime');
    expect(built.at(-1)).toBe(stages.at(-1));
    expect(validate(content).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('leaves no variable empty and copies only files that exist from the repository root', () => {
    expect(unset).toEqual([]);
    const sources = contextSources(built);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => !existsSync(path.join(workspaceRoot, source)))).toEqual([]);
  });

  it(`starts every stage from ${app.baseImage} or an earlier stage (one libc throughout)`, () => {
    const names = new Set<string>();
    for (const stage of stages) {
      expect([app.baseImage, ...names]).toContain(stage.from);
      if (stage.name) names.add(stage.name);
    }
  });

  it('is multi-stage: manifests-only dependency stage, nx build, pruned production install, runtime', () => {
    expect(built.length).toBeGreaterThanOrEqual(3);
    const deps = stages[0] as DockerStage;
    expect(built).toContain(deps);
    expect(argumentsOf(deps, 'COPY')).toEqual(['package.json package-lock.json ./']);
    const build = built.find((stage) => argumentsOf(stage, 'RUN').some((run) => run.includes(`npx nx build ${name}`)));
    expect(build).toBeDefined();
    if (name === 'frontend') {
      // Next's standalone output is the traced, pruned production install.
      expect(argumentsOf(runtime, 'COPY')).toContain('/workspace/apps/frontend/.next/standalone ./');
    } else {
      const prodDeps = built.find((stage) => argumentsOf(stage, 'RUN').some((run) => /npm ci --omit=dev/.test(run)));
      expect(argumentsOf(prodDeps as DockerStage, 'COPY').join(' ')).toContain(`dist/apps/${name}/package.json`);
      expect(argumentsOf(runtime, 'COPY')).toEqual(expect.arrayContaining(['/app/node_modules ./node_modules']));
      const bundle = runtime.instructions.find((i) => i.keyword === 'COPY' && i.content === `/workspace/dist/apps/${name}/ ./`);
      expect(bundle?.flags).toEqual({ from: 'bundle' });
    }
  });

  it(name === 'question-service' ? 'bundles the seed runner (seed.js) beside main.js' : 'bundles no seed runner', () => {
    const seeds = built.flatMap((stage) => argumentsOf(stage, 'RUN')).filter((run) => run.includes('bundle-seed.mjs'));
    expect(seeds).toEqual(name === 'question-service' ? ['node tools/delivery/bundle-seed.mjs dist/apps/question-service'] : []);
  });

  it('runs as the node user with NODE_ENV=production, behind tini, with plain node as the command', () => {
    for (const stage of runnableStages(stages)) {
      expect(argumentsOf(stage, 'USER').at(-1)).toBe('node');
      expect(envOf(stage)['NODE_ENV']).toBe('production');
      expect(argumentsOf(stage, 'RUN')).toContain('apk add --no-cache tini');
      expect(JSON.parse(argumentsOf(stage, 'ENTRYPOINT').at(-1) ?? 'null')).toEqual(['/sbin/tini', '--']);
      expect(JSON.parse(argumentsOf(stage, 'CMD').at(-1) ?? '[]')[0]).toBe('node');
      // An exec-form command is not substituted: a build argument in it would reach node as "$APP".
      expect(argumentsOf(stage, 'CMD').join(' ')).not.toContain('$');
    }
  });

  it('checks its health with node alone and exposes its port', () => {
    const healthchecks = runtime.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    const command = JSON.parse((healthchecks[0]?.content ?? '').replace(/^CMD\s+/, ''));
    expect(command).toEqual(['node', '-e', HEALTHCHECK_SCRIPT]);
    expect(argumentsOf(runtime, 'EXPOSE')).toEqual([String(app.port)]);
    expect(envOf(runtime)['PORT']).toBe(String(app.port));
  });

  it('labels every runnable image with OCI source, revision and version from build arguments, and its title with the app', () => {
    for (const stage of runnableStages(stages)) {
      // As written: the label's value must be a build argument, not a literal.
      const labels = stage.instructions.filter((i) => i.keyword === 'LABEL').map((i) => i.raw).join(' ');
      const args = argumentsOf(stage, 'ARG').map((arg) => arg.split('=')[0]);
      for (const label of OCI_LABELS) {
        const match = new RegExp(`${label.replace(/\./g, '\\.')}=\\$\\{?(\\w+)`).exec(labels);
        expect(match).not.toBeNull();
        expect(args).toContain(match?.[1]);
      }
    }
    expect(argumentsOf(runtime, 'LABEL').join(' ')).toContain(`org.opencontainers.image.title="peerprep ${name}`);
  });

  it(app.sandbox ? 'carries the sandbox and the five toolchains, from Alpine packages, and the locked TypeScript compiler' : 'carries no sandbox or toolchain', () => {
    const installs = built.flatMap((stage) => argumentsOf(stage, 'RUN')).filter((run) => /^apk add/.test(run));
    const packages = installs.flatMap((run) => run.replace(/^apk add\s+/, '').split(/\s+/)).filter((word) => !word.startsWith('-'));
    if (!app.sandbox) {
      expect(packages).toEqual(['tini']);
      if (name !== 'frontend') expect(built.map((stage) => stage.name)).toContain('toolchains-none');
      return;
    }
    // bwrap, prlimit, libseccomp's Python binding, then python3, g++ (C++17) and OpenJDK 17; node is the base image's.
    expect([...packages].sort()).toEqual(['bubblewrap', 'g++', 'openjdk17-jdk', 'py3-libseccomp', 'python3', 'tini', 'util-linux-misc']);
    expect(installs.every((run) => run.includes('--no-cache'))).toBe(true);
    // execution-service resolves javac and java in the JDK's folder on Alpine (src/languages/toolchain.ts).
    expect(readWorkspaceFile('apps/execution-service/src/languages/toolchain.ts')).toContain('/usr/lib/jvm/java-17-openjdk/bin/javac');
    // The compile box mounts the `typescript` package found beside main.js: the workspace's locked one, read-only (owned by root).
    const typescript = runtime.instructions.find((i) => i.keyword === 'COPY' && i.flags['from'] === 'deps');
    expect(typescript?.content).toBe('/workspace/node_modules/typescript /app/node_modules/typescript');
    expect(typescript?.flags).toEqual({ from: 'deps' });
  });

  it('copies no .env file or key into any stage', () => {
    for (const stage of stages) {
      for (const copy of [...argumentsOf(stage, 'COPY'), ...argumentsOf(stage, 'ADD')]) {
        expect(copy).not.toMatch(/(^|[\s/])\.env|\.pem\b|\.key\b/);
      }
    }
  });

  if (app.database) {
    it('has a migrate target (bake target <service_name>_migrate) that runs prisma migrate deploy with the service config, as node', () => {
      const migrateTarget = bake.targets[`${imageName(name)}_migrate`] as BakeTarget;
      expect(migrateTarget).toMatchObject({ dockerfile: target.dockerfile, target: 'migrate', context: '.' });
      const image = imageOf(migrateTarget);
      expect(image.unset).toEqual([]);
      expect(contextSources(image.built).filter((source) => !existsSync(path.join(workspaceRoot, source)))).toEqual([]);
      const migrate = asImage(image.stages, image.built.at(-1) as DockerStage);
      expect(migrate.name).toBe('migrate');
      const command = JSON.parse(argumentsOf(migrate, 'CMD').at(-1) ?? '[]') as string[];
      expect(command.slice(0, -2)).toEqual(['node', '/app/node_modules/prisma/build/index.js', 'migrate', 'deploy']);
      expect(command.at(-2)).toBe('--config');
      // The config the command names, from the working directory it runs in, is the service's own.
      const workdir = argumentsOf(migrate, 'WORKDIR').at(-1) as string;
      expect(path.posix.resolve(workdir, command.at(-1) as string)).toBe(`/app/apps/${name}/prisma.config.ts`);
      expect(argumentsOf(migrate, 'COPY')).toEqual(
        expect.arrayContaining([
          `apps/${name}/prisma.config.ts apps/${name}/`,
          `apps/${name}/prisma apps/${name}/prisma`,
          'libs/prisma-migrate/src libs/prisma-migrate/src',
          // The manifest carrying the `#prisma-migrate` alias prisma.config.ts imports the adapter by.
          '/migrate/package.json ./',
        ]),
      );
    });
  } else {
    it('has no migrate image', () => {
      expect(bake.targets[`${imageName(name)}_migrate`]).toBeUndefined();
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
