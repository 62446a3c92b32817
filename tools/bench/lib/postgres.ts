import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const ADMIN_URL = process.env['POSTGRES_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Every bench database name starts with this, so leftovers of a killed run can be found and dropped. */
export const BENCH_DATABASE_PREFIX = 'pp_bench_';

export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops the database, closing any session still open to it. Safe to call twice. */
  drop(): Promise<void>;
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.href;
}

/**
 * Creates `pp_bench_<label>_<runId>` and applies a Prisma migrations folder
 * to it as plain SQL, like libs/testing's createTestDatabase (a bench is no
 * test file: it may not import the testing library). `onCreated` runs as soon
 * as the database exists, so a caller can register its removal before a
 * migration fails.
 */
export async function createBenchDatabase(options: {
  label: string;
  runId: string;
  migrationsDir: string;
  onCreated?: (database: BenchDatabase) => void;
}): Promise<BenchDatabase> {
  const name = `${BENCH_DATABASE_PREFIX}${options.label}_${options.runId}`;
  await withClient(ADMIN_URL, (client) => client.query(`CREATE DATABASE "${name}"`));
  let dropping: Promise<void> | undefined;
  const database: BenchDatabase = {
    name,
    url: withDatabase(ADMIN_URL, name),
    drop: () => (dropping ??= withClient(ADMIN_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined)),
  };
  options.onCreated?.(database);
  await withClient(database.url, async (client) => {
    // Prisma names migration folders by UTC timestamp: name order is apply order.
    const folders = readdirSync(options.migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const folder of folders) {
      await client.query(readFileSync(path.join(options.migrationsDir, folder, 'migration.sql'), 'utf8'));
    }
  });
  return database;
}
