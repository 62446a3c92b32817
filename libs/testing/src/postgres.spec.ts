import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase, queryRows, TEST_DATABASE_PREFIX, type TestDatabase } from './postgres';

const ADMIN_URL = process.env['POSTGRES_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function databaseExists(name: string): Promise<boolean> {
  const rows = await queryRows(ADMIN_URL, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return rows.length === 1;
}

async function writeMigrations(dir: string, migrations: Record<string, string>): Promise<void> {
  for (const [folder, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, folder), { recursive: true });
    await writeFile(path.join(dir, folder, 'migration.sql'), sql);
  }
}

describe('createTestDatabase', () => {
  let migrationsDir: string;
  const created: TestDatabase[] = [];

  beforeEach(async () => {
    migrationsDir = await mkdtemp(path.join(tmpdir(), 'pp-migrations-'));
  });

  afterEach(async () => {
    await Promise.all(created.splice(0).map((db) => db.drop()));
    await rm(migrationsDir, { recursive: true, force: true });
  });

  it('creates a uniquely named pp_test_ database with every migration applied in folder order', async () => {
    // Written out of order on purpose: the second migration needs the first.
    await writeMigrations(migrationsDir, {
      '20250102000000_add_color': 'ALTER TABLE widgets ADD COLUMN color text NOT NULL DEFAULT \'red\';',
      '20250101000000_init': 'CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL);\nCREATE INDEX widgets_name_idx ON widgets (name);',
    });

    const first = await createTestDatabase({ migrationsDir, label: 'Widgets Suite' });
    const second = await createTestDatabase({ migrationsDir, label: 'Widgets Suite' });
    created.push(first, second);

    expect(first.name.startsWith(`${TEST_DATABASE_PREFIX}widgets_suite_`)).toBe(true);
    expect(second.name).not.toBe(first.name);
    const [row] = await queryRows<{ name: string; color: string }>(
      first.url,
      "INSERT INTO widgets (name) VALUES ('w') RETURNING name, color",
    );
    expect(row).toEqual({ name: 'w', color: 'red' });
    // The two databases are independent.
    expect(await queryRows(second.url, 'SELECT * FROM widgets')).toEqual([]);
  });

  it('drop() removes the database even while a connection to it is still open', async () => {
    await writeMigrations(migrationsDir, { '20250101000000_init': 'CREATE TABLE t (id int);' });
    const db = await createTestDatabase({ migrationsDir, label: 'drop' });
    const leftOpen = new pg.Client({ connectionString: db.url });
    leftOpen.on('error', () => undefined); // the forced drop terminates it
    await leftOpen.connect();

    await db.drop();
    await db.drop();

    expect(await databaseExists(db.name)).toBe(false);
    await leftOpen.end().catch(() => undefined);
  });

  it('rejects naming the failed migration and leaves no database behind', async () => {
    await writeMigrations(migrationsDir, {
      '20250101000000_init': 'CREATE TABLE t (id int);',
      '20250102000000_broken': 'ALTER TABLE missing_table ADD COLUMN x int;',
    });
    const ours = `${TEST_DATABASE_PREFIX}broken_${process.pid}_%`;
    const listOurs = () => queryRows(ADMIN_URL, 'SELECT datname FROM pg_database WHERE datname LIKE $1', [ours]);
    const before = await listOurs();

    await expect(createTestDatabase({ migrationsDir, label: 'broken' })).rejects.toThrow(
      /Migration 20250102000000_broken failed: relation "missing_table" does not exist/,
    );

    expect(await listOurs()).toEqual(before);
  });

  it('rejects a folder without migrations before creating anything', async () => {
    await expect(createTestDatabase({ migrationsDir, label: 'empty' })).rejects.toThrow(/No migrations found/);
  });
});
