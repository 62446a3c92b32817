import type { PrismaClient } from '../db/prisma';
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

/**
 * The only code that reads or writes room documents: a compacted snapshot per
 * room plus an append-only log of the updates since. Yjs updates commute, so
 * the log needs no ordering guarantee between replicas and a duplicate row is
 * harmless.
 */
export function createDocumentStore(prisma: PrismaClient) {
  return {
    async load(roomId: string): Promise<StoredDocument> {
      const [snapshot, log] = await Promise.all([
        prisma.roomDocument.findUnique({ where: { roomId }, select: { snapshot: true } }),
        prisma.documentUpdate.findMany({ where: { roomId }, orderBy: { id: 'asc' }, select: { update: true } }),
      ]);
      const updates = log.map((row) => row.update);
      if (snapshot) updates.unshift(snapshot.snapshot);
      return { updates, logLength: log.length };
    },

    /** Appends updates of any number of rooms in one INSERT. */
    async append(batch: readonly PendingUpdate[]): Promise<void> {
      if (batch.length === 0) return;
      await prisma.documentUpdate.createMany({
        data: batch.map(({ roomId, update }) => ({ roomId, update: toBytes(update) })),
      });
    },

    /**
     * Merges the log into the snapshot. The snapshot row is locked so two
     * replicas never compact one room at once, and only the rows that were
     * read are deleted: an update committed meanwhile stays in the log.
     */
    async compact(roomId: string): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<{ snapshot: Uint8Array }[]>`
          SELECT snapshot FROM room_documents WHERE room_id = ${roomId}::uuid FOR UPDATE`;
        const log = await tx.documentUpdate.findMany({
          where: { roomId },
          orderBy: { id: 'asc' },
          select: { id: true, update: true },
        });
        if (log.length === 0) return;
        const snapshot = mergeDocumentUpdates([...locked.map((row) => row.snapshot), ...log.map((row) => row.update)]);
        await tx.roomDocument.upsert({
          where: { roomId },
          create: { roomId, snapshot: toBytes(snapshot) },
          update: { snapshot: toBytes(snapshot) },
        });
        await tx.documentUpdate.deleteMany({ where: { id: { in: log.map((row) => row.id) } } });
      });
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

/** Prisma's Bytes fields want a Uint8Array backed by a plain ArrayBuffer. */
function toBytes(update: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(update);
}
