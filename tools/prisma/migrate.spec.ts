import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { queryRows } from '@peerprep/testing';

// Proves, against the real local Postgres, that the offline Prisma path works:
// the actual CLI (wasm schema engine over the shared adapter) migrates a fresh
// database per service, reports it up to date, agrees with schema.prisma
// through a shadow database, and prepare-databases.mjs is idempotent.

const workspaceRoot = path.resolve(__dirname, '../..');
const prismaCli = require.resolve('prisma/build/index.js');
const ADMIN_URL = process.env['POSTGRES_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const SERVICES = ['user-service', 'question-service', 'collaboration-service'] as const;
type Service = (typeof SERVICES)[number];

// Any attempt to download an engine goes to a closed port and fails the command.
const OFFLINE_ENV = {
  PRISMA_ENGINES_MIRROR: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  HTTP_PROXY: 'http://127.0.0.1:9',
  NO_PROXY: '',
};

jest.setTimeout(180_000);

interface RunResult {
  code: number;
  output: string;
}

function run(command: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: workspaceRoot, env: { ...process.env, ...OFFLINE_ENV, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

function prisma(service: Service, args: string[], databaseUrl: string): Promise<RunResult> {
  const config = path.join('apps', service, 'prisma.config.ts');
  return run(process.execPath, [prismaCli, ...args, '--config', config], { DATABASE_URL: databaseUrl });
}

function committedMigrations(service: Service): string[] {
  const dir = path.join(workspaceRoot, 'apps', service, 'prisma', 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const databasesToDrop: string[] = [];

/** A database name of our own (pp_test_ prefix, so leftovers of killed runs can be cleaned up). */
function ownDatabaseName(label: string): string {
  const name = `pp_test_prisma_${label.replace(/-/g, '_')}_${process.pid}_${randomBytes(3).toString('hex')}`;
  databasesToDrop.push(name);
  return name;
}

function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function appliedMigrations(url: string): Promise<string[]> {
  const rows = await queryRows<{ migration_name: string }>(
    url,
    'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
  );
  return rows.map((row) => row.migration_name);
}

afterAll(async () => {
  for (const name of databasesToDrop) {
    await queryRows(ADMIN_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

describe('Prisma migrations, offline', () => {
  it('migrate deploy applies every committed migration to a fresh database, and migrate status then reports it up to date', async () => {
    await Promise.all(
      SERVICES.map(async (service) => {
        const name = ownDatabaseName(service);
        await queryRows(ADMIN_URL, `CREATE DATABASE "${name}"`);
        const url = urlOf(name);

        const deploy = await prisma(service, ['migrate', 'deploy'], url);
        expect({ service, code: deploy.code }).toEqual({ service, code: 0 });
        expect(deploy.output).toContain('All migrations have been successfully applied.');

        const status = await prisma(service, ['migrate', 'status'], url);
        expect({ service, code: status.code, output: status.output }).toEqual({
          service,
          code: 0,
          output: expect.stringContaining('Database schema is up to date!'),
        });
        expect(await appliedMigrations(url)).toEqual(committedMigrations(service));
      }),
    );
  });

  it('the committed migrations produce exactly schema.prisma (diffed through a shadow database that is dropped afterwards)', async () => {
    const shadowDatabases = () =>
      queryRows<{ datname: string }>(ADMIN_URL, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
    const before = new Set((await shadowDatabases()).map((row) => row.datname));

    await Promise.all(
      SERVICES.map(async (service) => {
        const name = ownDatabaseName(`${service}_diff`);
        await queryRows(ADMIN_URL, `CREATE DATABASE "${name}"`);
        const schemaDir = path.join('apps', service, 'prisma');

        const diff = await prisma(
          service,
          [
            'migrate',
            'diff',
            '--from-migrations',
            path.join(schemaDir, 'migrations'),
            '--to-schema-datamodel',
            path.join(schemaDir, 'schema.prisma'),
            '--exit-code',
          ],
          urlOf(name),
        );

        // --exit-code: 0 = no difference, 2 = the schema has changes no migration holds.
        expect({ service, code: diff.code, output: diff.output }).toEqual({
          service,
          code: 0,
          output: expect.stringContaining('No difference detected.'),
        });
      }),
    );

    const leftover = (await shadowDatabases()).filter((row) => !before.has(row.datname));
    expect(leftover).toEqual([]);
  });

  it('prepare-databases.mjs creates missing databases, migrates them, and changes nothing when run again', async () => {
    const urls = {
      USER_DATABASE_URL: urlOf(ownDatabaseName('prepare_users')),
      QUESTION_DATABASE_URL: urlOf(ownDatabaseName('prepare_questions')),
      COLLABORATION_DATABASE_URL: urlOf(ownDatabaseName('prepare_collab')),
    };
    const script = path.join(workspaceRoot, 'tools/prisma/prepare-databases.mjs');

    const first = await run(process.execPath, [script], urls);
    expect({ code: first.code, output: first.output }).toEqual({ code: 0, output: expect.stringContaining('created') });

    const second = await run(process.execPath, [script], urls);
    expect(second.code).toBe(0);
    expect(second.output).not.toContain('created');
    expect(second.output.match(/no pending migrations/g)).toHaveLength(3);

    expect(await appliedMigrations(urls.USER_DATABASE_URL)).toEqual(committedMigrations('user-service'));
    expect(await appliedMigrations(urls.QUESTION_DATABASE_URL)).toEqual(committedMigrations('question-service'));
    expect(await appliedMigrations(urls.COLLABORATION_DATABASE_URL)).toEqual(committedMigrations('collaboration-service'));
  });
});
