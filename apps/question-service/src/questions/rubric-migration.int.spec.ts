import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_RUBRIC } from '@peerprep/contracts';
import { createTestDatabase, queryRows, type TestDatabase } from '@peerprep/testing';

const migrationsDir = path.join(__dirname, '../../prisma/migrations');
const RUBRIC_MIGRATION = /_rubric$/;

/**
 * The rubric migration on a bank that existed before it: every question gets
 * the contracts' DEFAULT_RUBRIC (the SQL repeats it as a literal, and this is
 * what holds the two together), and the column keeps no default afterwards.
 */
describe('the rubric migration (real Postgres)', () => {
  let before: string;
  let db: TestDatabase;

  beforeAll(async () => {
    const names = (await readdir(migrationsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const rubricAt = names.findIndex((name) => RUBRIC_MIGRATION.test(name));
    expect(rubricAt).toBeGreaterThan(0);
    before = await mkdtemp(path.join(tmpdir(), 'pp-question-migrations-'));
    for (const name of names.slice(0, rubricAt)) await cp(path.join(migrationsDir, name), path.join(before, name), { recursive: true });
    db = await createTestDatabase({ migrationsDir: before, label: 'question_rubric_migration' });
    await queryRows(
      db.url,
      `INSERT INTO questions (id, slug, title, statement, difficulty, updated_at, starter_code, entry_point)
       VALUES ('7a44b2f0-c1de-4f0a-9d3e-2c1f5a8e9b10', 'older-question', 'Older Question', 'Made before rubrics.', 'EASY', now(), '{}', '{}')`,
    );
    const rubricMigration = names[rubricAt];
    await queryRows(db.url, await readFile(path.join(migrationsDir, rubricMigration, 'migration.sql'), 'utf8'));
  });

  afterAll(async () => {
    await db?.drop();
    if (before) await rm(before, { recursive: true, force: true });
  });

  it('gives a question that existed before it the default rubric of the contracts', async () => {
    const rows = await queryRows<{ rubric: unknown }>(db.url, `SELECT rubric FROM questions WHERE slug = 'older-question'`);
    expect(rows).toEqual([{ rubric: DEFAULT_RUBRIC }]);
  });

  it('leaves the column without a default, so every write must state its rubric', async () => {
    const rows = await queryRows<{ column_default: string | null; is_nullable: string }>(
      db.url,
      `SELECT column_default, is_nullable FROM information_schema.columns WHERE table_name = 'questions' AND column_name = 'rubric'`,
    );
    expect(rows).toEqual([{ column_default: null, is_nullable: 'NO' }]);
  });
});
