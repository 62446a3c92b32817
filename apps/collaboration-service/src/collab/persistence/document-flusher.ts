import type { Logger } from '@peerprep/service-kit';
import * as Y from 'yjs';
import type { DocumentStore, PendingUpdate } from '../../documents/document-store';
import type { LiveRoom } from '../live-room';

const RETRY_FLUSH_MS = 1_000;

export interface DocumentFlusherOptions {
  store: DocumentStore;
  logger: Logger;
  /** Changes recorded within this window, for every room, are written in one statement. */
  flushIntervalMs: number;
  /** Log rows after which a room's log is merged into its snapshot. */
  compactAfterUpdates: number;
}

/**
 * The rooms' documents in Postgres (through the document store): a room is
 * read from its snapshot and log when loaded; this replica's changes are
 * appended to the log in batches (every room's in one INSERT, one flush at a
 * time, a failed one retried); a log that grew long is compacted; and a room
 * being freed is written in full.
 */
export function createDocumentFlusher({ store, logger, flushIntervalMs, compactAfterUpdates }: DocumentFlusherOptions) {
  const dirty = new Set<LiveRoom>();
  let flushTimer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  function scheduleFlush(room: LiveRoom, delay = flushIntervalMs): void {
    dirty.add(room);
    flushTimer ??= setTimeout(() => {
      flushTimer = undefined;
      void flush();
    }, delay);
  }

  /** Writes every pending change of every room, in one statement; one flush at a time. */
  function flush(): Promise<void> {
    flushing = flushing.then(async () => {
      const batch: (PendingUpdate & { room: LiveRoom })[] = [];
      for (const room of dirty) {
        if (!room.pending) continue;
        const update = room.pending.length === 1 ? room.pending[0] : Y.mergeUpdates(room.pending);
        room.pending = undefined;
        batch.push({ room, roomId: room.id, update });
      }
      dirty.clear();
      if (batch.length === 0) return;
      try {
        await store.append(batch);
      } catch (error) {
        logger.error({ err: error, rooms: batch.length }, 'writing document updates failed; retrying');
        for (const { room, update } of batch) {
          (room.pending ??= []).unshift(update);
          scheduleFlush(room, RETRY_FLUSH_MS);
        }
        return;
      }
      for (const { room } of batch) {
        room.logLength += 1;
        if (room.logLength >= compactAfterUpdates) void compact(room);
      }
    });
    return flushing;
  }

  async function compact(room: LiveRoom): Promise<void> {
    if (room.compacting) return;
    room.compacting = true;
    try {
      await store.compact(room.id);
      room.logLength = 0;
    } catch (error) {
      logger.error({ err: error, roomId: room.id }, 'compacting a document failed');
    } finally {
      room.compacting = false;
    }
  }

  return {
    /** Reads the room's snapshot and log into its document (before anything watches it). */
    async load(room: LiveRoom): Promise<void> {
      const stored = await store.load(room.id);
      Y.transact(room.doc, () => {
        for (const update of stored.updates) Y.applyUpdate(room.doc, update);
      });
      room.logLength = stored.logLength;
    },

    /** A change of this replica's, written with the next flush. */
    record(room: LiveRoom, update: Uint8Array): void {
      (room.pending ??= []).push(update);
      scheduleFlush(room);
    },

    /** Writes every pending change now. */
    flush,

    /**
     * Before a loaded room is freed: its pending changes, what came from
     * other replicas (if its writer died before its flush, this copy is the
     * only one left), then its log compacted.
     */
    async writeBeforeFree(room: LiveRoom): Promise<void> {
      await flush();
      if (room.remoteApplied) await store.append([{ roomId: room.id, update: Y.encodeStateAsUpdate(room.doc) }]);
      if (room.logLength > 0) await compact(room);
    },

    /** Shutdown, once every room is freed: no more timed flushes, and whatever is still pending written. */
    async stop(): Promise<void> {
      clearTimeout(flushTimer);
      await flush();
    },
  };
}

export type DocumentFlusher = ReturnType<typeof createDocumentFlusher>;
