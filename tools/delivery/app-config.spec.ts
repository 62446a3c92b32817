import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appsReading, BOOT_ENV_SCHEMAS, bootProblems, developmentOnlyDefaults, type EnvSchema } from './app-config';
import { workspaceRoot } from './dockerfile-model';

const apps = Object.keys(BOOT_ENV_SCHEMAS);
const schemaOf = (app: string) => (BOOT_ENV_SCHEMAS[app] as { schema: EnvSchema }).schema;

/** `NAME=value` lines, and `# NAME=` lines (documented, left unset), of an .env.example. */
function readEnvExample(app: string): { set: Record<string, string>; mentioned: string[] } {
  const text = readFileSync(path.join(workspaceRoot, 'apps', app, '.env.example'), 'utf8');
  const set: Record<string, string> = {};
  const mentioned: string[] = [];
  for (const line of text.split('\n')) {
    const assignment = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (assignment) {
      mentioned.push(assignment[1] as string);
      if (assignment[2] !== '') set[assignment[1] as string] = assignment[2] as string;
      continue;
    }
    const documented = /^#\s*([A-Z][A-Z0-9_]*)=/.exec(line);
    if (documented) mentioned.push(documented[1] as string);
  }
  return { set, mentioned };
}

describe('the config schemas the deployment checks use', () => {
  it.each(apps)('%s: src/main.ts boots with the schema the checks parse', (app) => {
    const main = readFileSync(path.join(workspaceRoot, 'apps', app, 'src/main.ts'), 'utf8');
    expect(main).toMatch(new RegExp(`loadConfigOrExit\\('${app}', ${BOOT_ENV_SCHEMAS[app]?.exportName}\\)`));
  });

  it('finds the variables whose defaults only work on a developer machine', () => {
    expect(developmentOnlyDefaults(schemaOf('collaboration-service')).sort()).toEqual([
      'AMQP_URL',
      'AUTH_JWKS_URL',
      'DATABASE_URL',
      'INTERNAL_API_TOKEN',
      'QUESTION_SERVICE_URL',
      'REDIS_URL',
      'TURN_SECRET',
    ]);
  });

  it('refuses a production environment that leaves one of them unset or keeps the development token', () => {
    const env = {
      DATABASE_URL: 'postgresql://collab:pw@db:5432/peerprep_collaboration',
      REDIS_URL: 'redis://redis:6379',
      AMQP_URL: 'amqp://peerprep:pw@rabbitmq:5672',
      QUESTION_SERVICE_URL: 'http://question-service:3003',
      INTERNAL_API_TOKEN: 'peerprep-dev-internal-token',
    };
    expect(bootProblems('collaboration-service', env)).toEqual([
      'collaboration-service: INTERNAL_API_TOKEN must be set to a secret shared with question-service in production (not the development default)',
      'collaboration-service: AUTH_JWKS_URL is not set (its default only works on a developer machine)',
      'collaboration-service: TURN_SECRET is not set (its default only works on a developer machine)',
    ]);
  });

  it('knows which services share the internal token', () => {
    // execution-service checks what collaboration-service sends with its jobs' runs.
    expect(appsReading('INTERNAL_API_TOKEN')).toEqual(['question-service', 'collaboration-service', 'execution-service']);
  });
});

describe.each(apps)('apps/%s/.env.example', (app) => {
  const schema = schemaOf(app);
  const example = readEnvExample(app);

  it('names only variables the service reads', () => {
    expect(example.mentioned.filter((variable) => !(variable in schema.shape))).toEqual([]);
  });

  it('mentions every variable the service reads (set, or commented out when it has no default)', () => {
    expect(Object.keys(schema.shape).filter((variable) => !example.mentioned.includes(variable))).toEqual([]);
  });

  it('holds values the service boots with locally', () => {
    expect(schema.safeParse(example.set).error?.issues ?? []).toEqual([]);
  });
});
