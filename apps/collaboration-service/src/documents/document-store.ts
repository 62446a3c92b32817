import type { Pool } from 'pg';
import { mergeDocumentUpdates } from './room-document';

export interface PendingUpdate {
  roomId: string;
  update: Uint8Array;
}

export interface StoredDocument {
  /** The snapshot first, then the log in order: apply them all to rebuild the document. */
  updates: Uint8Array[];
  /** Rows in the log after the snapshot (compaction starts when they pile up). */
  logLength: number;
}

const bytes = (update: Uint8Array) => Buffer.from(update.buffer, update.byteOffset, update.byteLength);

/**
 * The only code that reads or writes room documents: a compacted snapshot per
 * room plus an append-only log of the updates since. Yjs updates commute, so
 * the log needs no ordering guarantee between replicas and a duplicate row is
 * harmless.
 *
 * Plain SQL over a small pool of its own rather than Prisma: `append` runs
 * every flush interval and compaction every few hundred flushes of each busy
 * room, and Prisma spent ~6 ms of CPU per 100-row `createMany` (~1 ms even as
 * raw SQL) against ~0.2 ms here, on the event loop that relays edits. The
 * tables stay Prisma's (schema.prisma, migrations).
 */
export function createDocumentStore(pool: Pool) {
  return {
    async load(roomId: string): Promise<StoredDocument> {
      const [snapshot, log] = await Promise.all([
        pool.query<{ snapshot: Buffer }>('SELECT snapshot FROM room_documents WHERE room_id = $1', [roomId]),
        pool.query<{ update: Buffer }>('SELECT update FROM document_updates WHERE room_id = $1 ORDER BY id', [roomId]),
      ]);
      const updates: Uint8Array[] = log.rows.map((row) => row.update);
      if (snapshot.rows[0]) updates.unshift(snapshot.rows[0].snapshot);
      return { updates, logLength: log.rows.length };
    },

    /** Appends updates of any number of rooms in one INSERT. */
    async append(batch: readonly PendingUpdate[]): Promise<void> {
      if (batch.length === 0) return;
      await pool.query('INSERT INTO document_updates (room_id, update) SELECT * FROM unnest($1::uuid[], $2::bytea[])', [
        batch.map(({ roomId }) => roomId),
        batch.map(({ update }) => bytes(update)),
      ]);
    },

    /**
     * Merges the log into the snapshot. The snapshot row is locked so two
     * replicas never compact one room at once, and only the rows that were
     * read are deleted: an update committed meanwhile stays in the log.
     */
    async compact(roomId: string): Promise<void> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const locked = await client.query<{ snapshot: Buffer }>(
          'SELECT snapshot FROM room_documents WHERE room_id = $1 FOR UPDATE',
          [roomId],
        );
        const log = await client.query<{ id: string; update: Buffer }>(
          'SELECT id, update FROM document_updates WHERE room_id = $1 ORDER BY id',
          [roomId],
        );
        if (log.rows.length > 0) {
          const snapshot = mergeDocumentUpdates([...locked.rows.map((row) => row.snapshot), ...log.rows.map((row) => row.update)]);
          await client.query(
            `INSERT INTO room_documents (room_id, snapshot) VALUES ($1, $2)
             ON CONFLICT (room_id) DO UPDATE SET snapshot = EXCLUDED.snapshot, updated_at = now()`,
            [roomId, bytes(snapshot)],
          );
          await client.query('DELETE FROM document_updates WHERE id = ANY($1::bigint[])', [log.rows.map((row) => row.id)]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
