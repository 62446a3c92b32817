import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interpolate, InterpolationError, parseEnvFile } from './compose-interpolation';
import { ComposeError, loadCompose, loadComposeFile } from './compose-model';

let workingDir: string;
beforeEach(() => {
  workingDir = mkdtempSync(path.join(tmpdir(), 'compose-model-'));
});
afterEach(() => rmSync(workingDir, { recursive: true, force: true }));

const load = (yaml: string, variables: Record<string, string> = {}) => loadCompose(yaml, { workingDir, variables });

/** The problems compose would refuse the file for (fails the test if it accepts it). */
function problemsOf(yaml: string, variables: Record<string, string> = {}): string {
  try {
    load(yaml, variables);
  } catch (error) {
    if (error instanceof ComposeError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('the file was accepted');
}

function dockerfile(folder: string, content: string): void {
  mkdirSync(path.join(workingDir, folder), { recursive: true });
  writeFileSync(path.join(workingDir, folder, 'Dockerfile'), content);
}

describe('interpolate', () => {
  const variables = { A: 'a', EMPTY: '' };

  it.each([
    ['$A', 'a'],
    ['${A}', 'a'],
    ['x${A}y$A', 'xaya'],
    ['${UNSET:-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${UNSET-d}', 'd'],
    ['${A:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${EMPTY?unused}', ''],
    ['${UNSET:-${A}-${UNSET:-z}}', 'a-z'],
    ['$$A costs $${A} $$', '$A costs ${A} $'],
  ])('turns %s into %j', (template, expected) => {
    expect(interpolate(template, variables)).toBe(expected);
  });

  it.each([
    ['${UNSET:?set UNSET in .env}', 'required variable UNSET is missing a value: set UNSET in .env'],
    ['${EMPTY:?no empty EMPTY}', 'required variable EMPTY is missing a value: no empty EMPTY'],
    ['${UNSET?}', 'required variable UNSET is missing a value'],
    ['costs 5$', 'a lone "$"'],
    ['${A', 'never closed'],
    ['${}', 'names no variable'],
    ['${A!x}', 'unknown operator'],
  ])('refuses %s: %s', (template, message) => {
    expect(() => interpolate(template, variables)).toThrow(InterpolationError);
    expect(() => interpolate(template, variables)).toThrow(message);
  });

  it('reports a plain reference to an unset variable and reads it as empty, as compose warns and does', () => {
    const unset: string[] = [];
    expect(interpolate('[${UNSET}][$ALSO_UNSET][${UNSET:-ok}]', {}, ({ name }) => unset.push(name))).toBe('[][][ok]');
    expect(unset).toEqual(['UNSET', 'ALSO_UNSET']);
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines as compose does: comments, export, quotes, escapes and references', () => {
    const content = [
      '# a comment',
      '',
      'PLAIN=  value with spaces   # and a comment',
      'export EXPORTED=1',
      'KEY=-----BEGIN KEY-----\\nAAAA\\n-----END KEY-----\\n',
      "SINGLE='$NOT ${EXPANDED} \\n'",
      'DOUBLE="line1\\nline2 \\"quoted\\" ${PLAIN}"',
      'MULTI="first',
      'second"',
      'PASSWORD=pa$$w0rd$',
      'EMPTY=',
      'FROM_SHELL=${SHELL_ONLY:-none}',
    ].join('\n');
    expect(parseEnvFile(content, { SHELL_ONLY: 'shell' })).toEqual({
      PLAIN: 'value with spaces',
      EXPORTED: '1',
      KEY: '-----BEGIN KEY-----\\nAAAA\\n-----END KEY-----\\n',
      SINGLE: '$NOT ${EXPANDED} \\n',
      DOUBLE: 'line1\nline2 "quoted" value with spaces',
      MULTI: 'first\nsecond',
      PASSWORD: 'pa$w0rd$',
      EMPTY: '',
      FROM_SHELL: 'shell',
    });
  });

  it('refuses a line that is not KEY=VALUE, naming the line', () => {
    expect(() => parseEnvFile('OK=1\njust words\n', {}, 'my.env')).toThrow('my.env:2: expected KEY=VALUE');
  });
});

describe('loadCompose refuses what docker compose refuses', () => {
  it.each([
    ['an unknown service key', 'services:\n  web:\n    image: nginx\n    imagee: typo\n', 'services.web: unknown key "imagee"'],
    ['an unknown top-level key', 'services:\n  web: { image: nginx }\nservice: {}\n', '(top level): unknown key "service"'],
    ['an unknown healthcheck key', 'services:\n  web:\n    image: nginx\n    healthcheck: { test: [CMD, true], intervall: 5s }\n', 'services.web.healthcheck: unknown key "intervall"'],
    ['a wrongly typed value', 'services:\n  web: { image: nginx, ports: {"80": 80} }\n', 'services.web.ports: must be array'],
    ['a condition compose does not know', 'services:\n  a: { image: x, depends_on: { b: { condition: service_ready } } }\n  b: { image: x }\n', 'must be one of "service_started"'],
    ['a port above 65535', 'services:\n  web: { image: nginx, ports: ["70000:80"] }\n', 'services.web.ports[0]: "70000:80": published port "70000" is not a port'],
    ['a port that is not a number', 'services:\n  web: { image: nginx, ports: ["80:http"] }\n', 'container port "http" is not a port'],
    ['an unknown port protocol', 'services:\n  web: { image: nginx, ports: ["80:80/http"] }\n', 'unknown protocol "http"'],
    ['a bad host IP', 'services:\n  web: { image: nginx, ports: ["1.2.3:80:80"] }\n', '"1.2.3" is not an IP address'],
    ['port ranges of different sizes', 'services:\n  web: { image: nginx, ports: ["8000-8002:80-81"] }\n', 'ranges differ in size'],
    ['a host port published twice', 'services:\n  a: { image: x, ports: ["8080:80"] }\n  b: { image: x, ports: ["127.0.0.1:8080:81"] }\n', 'host port 8080/tcp is published twice: by "a" and by "b"'],
    ['an unset required variable', 'services:\n  web:\n    image: nginx\n    environment: { KEY: "${KEY:?put KEY in .env}" }\n', 'error while interpolating services.web.environment.KEY: required variable KEY is missing a value: put KEY in .env'],
    ['a lone dollar sign', 'services:\n  web: { image: nginx, command: ["echo", "5$"] }\n', 'services.web.command[1]: invalid interpolation format'],
    ['depends_on an unknown service', 'services:\n  web: { image: nginx, depends_on: [db] }\n', 'service "web" depends on undefined service "db"'],
    ['depends_on itself', 'services:\n  web: { image: nginx, depends_on: [web] }\n', 'service "web" depends on itself'],
    ['a dependency cycle', 'services:\n  a: { image: x, depends_on: [b] }\n  b: { image: x, depends_on: [a] }\n', 'dependency cycle: a -> b -> a'],
    ['depends_on a service behind a profile', 'services:\n  a: { image: x, depends_on: [b] }\n  b: { image: x, profiles: [tools] }\n', 'depends on "b", which runs only with profile tools'],
    ['service_healthy on an image without a health check', 'services:\n  a: { image: x, depends_on: { db: { condition: service_healthy } } }\n  db: { image: postgres }\n', 'service "a" waits for "db" to be healthy, but "db" has no health check'],
    ['service_healthy on a disabled health check', 'services:\n  a: { image: x, depends_on: { db: { condition: service_healthy } } }\n  db: { image: postgres, healthcheck: { disable: true } }\n', 'but "db" has no health check'],
    ['an undeclared named volume', 'services:\n  db: { image: postgres, volumes: ["data:/var/lib/postgresql/data"] }\n', 'service "db" refers to undefined volume data'],
    ['an undeclared named volume (long syntax)', 'services:\n  db:\n    image: postgres\n    volumes: [{ type: volume, source: data, target: /data }]\n', 'refers to undefined volume data'],
    ['a relative mount target', 'services:\n  db: { image: postgres, volumes: ["./data:data"] }\n', 'the mount target "data" must be an absolute path'],
    ['an unknown mount option', 'services:\n  db: { image: postgres, volumes: ["./data:/data:readonly"] }\n', 'unknown volume option "readonly"'],
    ['an undeclared network', 'services:\n  web: { image: nginx, networks: [front] }\n', 'service "web" refers to undefined network front'],
    ['an undeclared secret', 'services:\n  web: { image: nginx, secrets: [key] }\n', 'service "web" refers to undefined secret key'],
    ['a service with neither image nor build', 'services:\n  web: { restart: always }\n', 'service "web" has neither an image nor a build context specified'],
    ['an unknown restart policy', 'services:\n  web: { image: nginx, restart: never }\n', '"never" is not a restart policy'],
    ['a duration compose cannot parse', 'services:\n  web:\n    image: nginx\n    healthcheck: { test: [CMD, "true"], interval: 5 seconds }\n', 'healthcheck.interval: "5 seconds" is not a duration'],
    ['a health check test of an unknown kind', 'services:\n  web:\n    image: nginx\n    healthcheck: { test: [RUN, "true"] }\n', 'must start with NONE, CMD or CMD-SHELL'],
    ['the same container_name twice', 'services:\n  a: { image: x, container_name: one }\n  b: { image: x, container_name: one }\n', 'both use container_name "one"'],
    ['a duplicate YAML key', 'services:\n  web: { image: nginx }\n  web: { image: httpd }\n', 'YAML: Map keys must be unique'],
    ['a missing Dockerfile', 'services:\n  web: { build: ./web }\n', 'services.web.build: the Dockerfile Dockerfile does not exist'],
  ])('refuses %s', (_what, yaml, message) => {
    expect(problemsOf(yaml)).toContain(message);
  });

  it('reports every problem of a stage at once', () => {
    const problems = problemsOf('services:\n  a: { image: x, depends_on: [b], volumes: ["vol:/v"] }\n');
    expect(problems).toContain('depends on undefined service "b"');
    expect(problems).toContain('refers to undefined volume vol');
  });

  it('accepts service_healthy on a built service whose Dockerfile stage (or the stage it starts from) declares a HEALTHCHECK', () => {
    dockerfile('api', 'FROM node:24-alpine AS base\nHEALTHCHECK CMD node -e "1"\nFROM base AS runtime\nCMD ["node"]\nFROM base AS quiet\nHEALTHCHECK NONE\n');
    const waiting = (target: string) =>
      `services:\n  web: { image: x, depends_on: { api: { condition: service_healthy } } }\n  api: { build: { context: ./api, target: ${target} } }\n`;
    expect(() => load(waiting('runtime'))).not.toThrow();
    expect(problemsOf(waiting('quiet'))).toContain('"api" has no health check');
    expect(problemsOf(waiting('missing'))).toContain('services.api.build.target: Dockerfile has no stage named "missing"');
  });
});

describe('loadCompose normalises as `docker compose config` prints', () => {
  it('turns the short forms into the long ones and resolves paths against the compose file folder', () => {
    dockerfile('.', 'FROM node:24-alpine\n');
    const { project, warnings } = load(
      [
        'x-common: &common',
        '  restart: unless-stopped',
        'services:',
        '  web:',
        '    <<: *common',
        '    build: .',
        '    ports: ["8080:80", "127.0.0.1:9000-9001:9000-9001/udp", 3000, { target: 443, published: "8443" }]',
        '    environment: ["A=1", "FROM_ENV", "NOT_SET", "WITH=equals=sign"]',
        '    depends_on: [db]',
        '    volumes: ["./html:/usr/share/nginx/html:ro", "cache:/cache", "/tmp"]',
        '  db:',
        '    image: postgres:17-alpine',
        '    environment: { PORT: 5432, EMPTY: "", UNSET_VALUE: null, FROM_ENV: null }',
        '    healthcheck: { test: pg_isready, interval: 1m30s }',
        '    depends_on: { cache-warmer: { condition: service_completed_successfully, required: false } }',
        'volumes:',
        '  cache:',
      ].join('\n'),
      { FROM_ENV: 'shell' },
    );
    expect(warnings).toEqual([]);
    expect(project.services['web']).toEqual({
      restart: 'unless-stopped',
      build: { context: workingDir, dockerfile: 'Dockerfile' },
      ports: [
        { published: 8080, target: 80 },
        { published: 9000, target: 9000, host_ip: '127.0.0.1', protocol: 'udp' },
        { published: 9001, target: 9001, host_ip: '127.0.0.1', protocol: 'udp' },
        { target: 3000 },
        { published: 8443, target: 443 },
      ],
      environment: { A: '1', FROM_ENV: 'shell', NOT_SET: null, WITH: 'equals=sign' },
      depends_on: { db: { condition: 'service_started' } },
      volumes: [
        { type: 'bind', source: path.join(workingDir, 'html'), target: '/usr/share/nginx/html', read_only: true },
        { type: 'volume', source: 'cache', target: '/cache' },
        { type: 'volume', target: '/tmp' },
      ],
    });
    expect(project.services['db']?.environment).toEqual({ PORT: '5432', EMPTY: '', UNSET_VALUE: null, FROM_ENV: 'shell' });
    expect(project.services['db']?.healthcheck).toEqual({ test: ['CMD-SHELL', 'pg_isready'], interval: '1m30s' });
    expect(project.volumes).toEqual({ cache: {} });
  });

  it('warns about a plain reference to an unset variable and the obsolete version attribute, as compose does', () => {
    const { warnings } = load('version: "3.8"\nservices:\n  web: { image: "nginx:${TAG}" }\n');
    expect(warnings).toEqual([
      'The "TAG" variable is not set. Defaulting to a blank string.',
      'the attribute `version` is obsolete, it will be ignored; remove it',
    ]);
  });

  it('reads --env-file under the shell environment, which wins', () => {
    writeFileSync(path.join(workingDir, 'compose.yml'), 'services:\n  web: { image: "nginx:${TAG}", environment: { WHO: "${WHO}" } }\n');
    writeFileSync(path.join(workingDir, 'custom.env'), 'TAG=1.27\nWHO=file\n');
    const { project } = loadComposeFile(path.join(workingDir, 'compose.yml'), { envFile: path.join(workingDir, 'custom.env'), environment: { WHO: 'shell' } });
    expect(project.services['web']).toMatchObject({ image: 'nginx:1.27', environment: { WHO: 'shell' } });
  });
});
