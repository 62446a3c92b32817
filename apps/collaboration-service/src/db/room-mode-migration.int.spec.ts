import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, queryRows, type TestDatabase } from '@peerprep/testing';

const MIGRATIONS_DIR = path.join(__dirname, '../../prisma/migrations');
const MODE_MIGRATION = '20261205220000_room_mode_minutes';

describe(`migration ${MODE_MIGRATION}`, () => {
  let db: TestDatabase | undefined;
  let before: string | undefined;

  afterAll(async () => {
    await db?.drop();
    if (before) await rm(before, { recursive: true, force: true });
  });

  it('fills rooms opened before modes existed in as 45 minutes of pair practice, and so a room the previous version opens during a deploy', async () => {
    // The database as it was before the migration: every earlier migration applied.
    before = await mkdtemp(path.join(tmpdir(), 'collab-migrations-'));
    for (const entry of await readdir(MIGRATIONS_DIR, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name < MODE_MIGRATION) {
        await cp(path.join(MIGRATIONS_DIR, entry.name), path.join(before, entry.name), { recursive: true });
      }
    }
    db = await createTestDatabase({ migrationsDir: before, label: 'room_mode_migration' });
    const roomId = randomUUID();
    await queryRows(
      db.url,
      `INSERT INTO rooms (id, match_id, question_id, question, language) VALUES ($1, $2, $3, '{}', 'python')`,
      [roomId, randomUUID(), randomUUID()],
    );

    await queryRows(db.url, await readFile(path.join(MIGRATIONS_DIR, MODE_MIGRATION, 'migration.sql'), 'utf8'));

    expect(await queryRows(db.url, 'SELECT mode, minutes FROM rooms WHERE id = $1', [roomId])).toEqual([{ mode: 'pair', minutes: 45 }]);
    // The previous version names neither column.
    const [opened] = await queryRows(
      db.url,
      `INSERT INTO rooms (id, match_id, question_id, question, language) VALUES ($1, $2, $3, '{}', 'python') RETURNING mode, minutes`,
      [randomUUID(), randomUUID(), randomUUID()],
    );
    expect(opened).toEqual({ mode: 'pair', minutes: 45 });
  });
});
