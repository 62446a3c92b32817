import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { uniqueTestId } from './ids';

/** A throwaway, migrated database owned by one test file. */
export interface TestDatabase {
  /** postgresql:// URL of the database, for the code under test. */
  url: string;
  name: string;
  /** Drops the database, closing any connection still open to it. Safe to call twice. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** A Prisma migrations folder: one sub-folder per migration, each with a migration.sql. */
  migrationsDir: string;
  /** Readable part of the database name, e.g. the suite's subject. */
  label?: string;
  /** A URL with the right to CREATE DATABASE. Default: POSTGRES_ADMIN_URL, else the local server. */
  adminUrl?: string;
}

/** Every test database name starts with this, so leftovers of killed runs can be found and dropped. */
export const TEST_DATABASE_PREFIX = 'pp_test_';

const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
// "source database "template1" is being accessed by other users": another
// session briefly connected to the template; it clears within moments.
const TEMPLATE_IN_USE = '55006';
const CREATE_ATTEMPTS = 5;

/**
 * Creates a fresh, uniquely named database and applies the migrations to it,
 * in order, as plain SQL (much faster than running the Prisma CLI per test
 * file; the Prisma path itself is proven once in tools/prisma/migrate.spec.ts).
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions): Promise<TestDatabase> {
  const adminUrl = options.adminUrl ?? process.env['POSTGRES_ADMIN_URL'] ?? DEFAULT_ADMIN_URL;
  const name = `${TEST_DATABASE_PREFIX}${uniqueTestId(options.label ?? 'db')}`;
  const migrations = await readMigrations(options.migrationsDir);

  await createDatabase(adminUrl, name);
  const url = withDatabaseName(adminUrl, name);
  try {
    await applyMigrations(url, migrations);
  } catch (error) {
    await dropDatabase(adminUrl, name);
    throw error;
  }

  let dropping: Promise<void> | undefined;
  return {
    url,
    name,
    drop: () => (dropping ??= dropDatabase(adminUrl, name)),
  };
}

interface Migration {
  name: string;
  sql: string;
}

async function readMigrations(migrationsDir: string): Promise<Migration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  // Prisma prefixes migration folders with a UTC timestamp, so name order is apply order.
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (folders.length === 0) throw new Error(`No migrations found in ${migrationsDir}`);
  return Promise.all(
    folders.map(async (folder) => ({
      name: folder,
      sql: await readFile(path.join(migrationsDir, folder, 'migration.sql'), 'utf8'),
    })),
  );
}

async function applyMigrations(url: string, migrations: Migration[]): Promise<void> {
  await withClient(url, async (client) => {
    for (const migration of migrations) {
      try {
        // One simple-protocol query per file: Postgres runs it as one transaction.
        await client.query(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  });
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== TEMPLATE_IN_USE || attempt >= CREATE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function withDatabaseName(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** Runs one statement on a connection of its own and returns its rows: for a test's arranging and checking. */
export async function queryRows<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql, values)).rows);
}

/** How many sessions are connected to `database` right now (to prove a pool was closed). */
export async function openConnections(database: string, adminUrl?: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl ?? process.env['POSTGRES_ADMIN_URL'] ?? DEFAULT_ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}
