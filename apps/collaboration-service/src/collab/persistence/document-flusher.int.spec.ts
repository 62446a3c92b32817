import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createLogger } from '@peerprep/service-kit';
import { createTestDatabase, waitFor, type TestDatabase } from '@peerprep/testing';
import { Pool } from 'pg';
import * as Y from 'yjs';
import { createDocumentStore, type DocumentStore } from '../../documents/document-store';
import { LiveRoom } from '../live-room';
import { createDocumentFlusher, type DocumentFlusher } from './document-flusher';

const ANOTHER_REPLICA = Symbol('another replica');
const logger = createLogger({ name: 'flusher-test', level: 'silent' });

describe('the document flusher against a real database', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: DocumentStore;
  /** INSERT statements the store ran and committed (one per flush), and how many of the next ones fail. */
  let appends: number;
  let failNextAppends: number;
  const rooms: LiveRoom[] = [];
  const flushers: DocumentFlusher[] = [];

  beforeAll(async () => {
    database = await createTestDatabase({ label: 'collab_flusher', migrationsDir: path.join(__dirname, '../../../prisma/migrations') });
    pool = new Pool({ connectionString: database.url, max: 4 });
    const real = createDocumentStore(pool);
    store = {
      ...real,
      append: async (batch) => {
        if (failNextAppends > 0) {
          failNextAppends -= 1;
          throw new Error('postgres is unreachable');
        }
        await real.append(batch);
        appends += 1;
      },
    };
  });

  beforeEach(() => {
    appends = 0;
    failNextAppends = 0;
  });

  afterEach(async () => {
    for (const flusher of flushers.splice(0)) await flusher.stop();
    for (const room of rooms.splice(0)) room.destroy();
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /** A room row (the log's foreign key) and its live room, loaded from the database. */
  async function newRoom(): Promise<LiveRoom> {
    const id = randomUUID();
    await pool.query(`INSERT INTO rooms (id, match_id, question_id, question, language) VALUES ($1, $2, $3, '{}', 'python')`, [
      id,
      randomUUID(),
      randomUUID(),
    ]);
    const room = new LiveRoom(id);
    rooms.push(room);
    return room;
  }

  /** A flusher over the store, stopped after the test (no timer left behind). */
  function flusherWith(options: { flushIntervalMs?: number; compactAfterUpdates?: number }): DocumentFlusher {
    const flusher = createDocumentFlusher({ store, logger, flushIntervalMs: 10, compactAfterUpdates: 1000, ...options });
    flushers.push(flusher);
    return flusher;
  }

  /** Records the room's changes as live-rooms.ts does: this replica's are logged, another replica's only marked. */
  function recording(room: LiveRoom, flusher: DocumentFlusher): LiveRoom {
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === ANOTHER_REPLICA) room.remoteApplied = true;
      else flusher.record(room, update);
    });
    return room;
  }

  async function logRows(roomId: string): Promise<number> {
    const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM document_updates WHERE room_id = $1', [roomId]);
    return Number(rows[0].count);
  }

  /** The document as a fresh replica would load it. */
  async function stored(roomId: string): Promise<string> {
    const fresh = new LiveRoom(roomId);
    rooms.push(fresh);
    await flusherWith({}).load(fresh);
    return fresh.doc.getText('code').toString();
  }

  it('writes every room\'s changes of one window in one statement, one row per room', async () => {
    const flusher = flusherWith({ flushIntervalMs: 50 });
    const a = recording(await newRoom(), flusher);
    const b = recording(await newRoom(), flusher);
    for (let i = 0; i < 5; i += 1) {
      a.doc.getText('code').insert(0, `a${i} `);
      b.doc.getText('code').insert(0, `b${i} `);
    }
    expect(a.pending).toHaveLength(5);

    await waitFor(() => appends === 1 && a.pending === undefined, 5_000, 'the flush');
    await flusher.flush();
    expect(appends).toBe(1);
    expect([await logRows(a.id), await logRows(b.id)]).toEqual([1, 1]);
    expect([a.logLength, b.logLength]).toEqual([1, 1]);
    expect(await stored(a.id)).toBe(a.doc.getText('code').toString());
  });

  it('loads a room from its snapshot and log, counting the log', async () => {
    const flusher = flusherWith({ flushIntervalMs: 10 });
    const writer = recording(await newRoom(), flusher);
    writer.doc.getText('code').insert(0, 'first ');
    await flusher.flush();
    writer.doc.getText('code').insert(6, 'second');
    await flusher.flush();

    const loaded = new LiveRoom(writer.id);
    rooms.push(loaded);
    await flusher.load(loaded);
    expect(loaded.doc.getText('code').toString()).toBe('first second');
    expect(loaded.logLength).toBe(2);
    expect(loaded.pending).toBeUndefined();
  });

  it('compacts a room\'s log into its snapshot once it holds compactAfterUpdates rows', async () => {
    const flusher = flusherWith({ compactAfterUpdates: 3 });
    const room = recording(await newRoom(), flusher);
    for (let i = 0; i < 3; i += 1) {
      room.doc.getText('code').insert(room.doc.getText('code').length, `${i},`);
      await flusher.flush();
    }
    await waitFor(async () => room.logLength === 0 && !room.compacting, 5_000, 'the compaction');

    expect(await logRows(room.id)).toBe(0);
    const { rows } = await pool.query<{ snapshot: Buffer }>('SELECT snapshot FROM room_documents WHERE room_id = $1', [room.id]);
    const snapshot = new Y.Doc();
    Y.applyUpdate(snapshot, rows[0].snapshot);
    expect(snapshot.getText('code').toString()).toBe('0,1,2,');
  });

  it('keeps the changes of a failed write and writes them a second later, with what came meanwhile', async () => {
    const flusher = flusherWith({ flushIntervalMs: 10 });
    const room = recording(await newRoom(), flusher);
    failNextAppends = 1;
    room.doc.getText('code').insert(0, 'kept ');
    await waitFor(() => failNextAppends === 0, 5_000, 'the failed write');
    const failedAt = Date.now();
    expect(room.pending).toHaveLength(1);
    room.doc.getText('code').insert(5, 'and more');

    await waitFor(() => appends === 1, 5_000, 'the retry');
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(900);
    expect(room.pending).toBeUndefined();
    expect(await logRows(room.id)).toBe(1);
    expect(await stored(room.id)).toBe('kept and more');
  });

  it('writes a room being freed in full: pending changes, what came from other replicas, then compacts it', async () => {
    const flusher = flusherWith({ flushIntervalMs: 60_000 });
    const room = recording(await newRoom(), flusher);
    room.doc.getText('code').insert(0, 'mine ');
    // From another replica, whose writer may have died before its own flush.
    const other = new Y.Doc();
    other.getText('code').insert(0, 'theirs ');
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(other), ANOTHER_REPLICA);
    expect(room.remoteApplied).toBe(true);

    await flusher.writeBeforeFree(room);

    expect(await logRows(room.id)).toBe(0);
    expect(room.logLength).toBe(0);
    const text = await stored(room.id);
    expect(text).toBe(room.doc.getText('code').toString());
    expect(text).toContain('mine ');
    expect(text).toContain('theirs ');
  });

  it('writes what is pending at once on stop, without waiting for the window', async () => {
    const flusher = flusherWith({ flushIntervalMs: 60_000 });
    const room = recording(await newRoom(), flusher);
    room.doc.getText('code').insert(0, 'last words');
    await flusher.stop();

    expect(await logRows(room.id)).toBe(1);
    expect(await stored(room.id)).toBe('last words');
  });
});
