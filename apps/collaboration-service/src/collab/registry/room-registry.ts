import type { Logger } from '@peerprep/service-kit';
import { LiveRoom, LOADED } from '../live-room';

export interface RoomRegistryOptions {
  /**
   * Loads a new room (it is registered, and its `ready`, at once). Its
   * first step must start synchronously: a room held by nobody else is
   * subscribed before anything can race it.
   */
  load(room: LiveRoom): Promise<void>;
  /** Frees a loaded (or failed) room nobody holds any more: write what is left, leave the other replicas. */
  free(room: LiveRoom): Promise<void>;
  /** Undoes what a failed load started (its subscription). */
  abandon(room: LiveRoom): Promise<void>;
  /** How long a room nobody holds stays in memory (0: freed at once). */
  lingerMs: number;
  logger: Logger;
}

/**
 * The rooms this replica holds in memory: each loaded once, however many
 * hold it at the same time (sockets, ending a session), and freed once the
 * last lets go. A room being freed is loaded again only after that is done.
 * What loading and freeing do is the caller's (../live-rooms.ts).
 */
export function createRoomRegistry(options: RoomRegistryOptions) {
  const rooms = new Map<string, LiveRoom>();
  const unloading = new Map<string, Promise<void>>();

  function release(room: LiveRoom): void {
    room.holders -= 1;
    if (room.holders > 0) return;
    if (options.lingerMs > 0) {
      clearTimeout(room.linger);
      room.linger = setTimeout(() => unload(room), options.lingerMs);
    } else {
      unload(room);
    }
  }

  function unload(room: LiveRoom): void {
    if (room.holders > 0 || rooms.get(room.id) !== room) return;
    rooms.delete(room.id);
    const done = (async () => {
      await room.ready.catch(() => undefined);
      await options.free(room);
    })()
      .catch((error: unknown) => options.logger.error({ err: error, roomId: room.id }, 'unloading a room failed'))
      .finally(() => {
        room.destroy();
        unloading.delete(room.id);
      });
    unloading.set(room.id, done);
  }

  return {
    /**
     * Holds a room in memory (loading it first if needed) until `release`.
     * A room being freed is loaded again once that is done.
     */
    async acquire(roomId: string, { readOnly }: { readOnly: boolean }): Promise<LiveRoom> {
      for (let gate = unloading.get(roomId); gate; gate = unloading.get(roomId)) await gate;
      let room = rooms.get(roomId);
      if (!room) {
        const created = new LiveRoom(roomId);
        created.ready = options.load(created);
        rooms.set(roomId, created);
        room = created;
      }
      room.holders += 1;
      clearTimeout(room.linger);
      if (readOnly) room.readOnly = true;
      try {
        await room.ready;
        room.ready = LOADED;
      } catch (error) {
        if (rooms.get(roomId) === room) rooms.delete(roomId);
        room.holders -= 1;
        if (room.holders === 0) {
          room.destroy();
          await options.abandon(room).catch(() => undefined);
        }
        throw error;
      }
      return room;
    },

    /** Lets go of a room; the last holder frees it (after `lingerMs`). */
    release,

    /** A room held here, loaded or loading. */
    get: (roomId: string): LiveRoom | undefined => rooms.get(roomId),

    /** Every room held here, loaded or loading. */
    rooms: (): IterableIterator<LiveRoom> => rooms.values(),

    get size(): number {
      return rooms.size;
    },

    /** Whether this replica holds the room in memory (being freed included). */
    isLive: (roomId: string) => rooms.has(roomId) || unloading.has(roomId),

    /** Shutdown: frees every room nobody holds now, lingering or not, and waits until every room being freed is. */
    async freeAll(): Promise<void> {
      for (const room of [...rooms.values()]) {
        clearTimeout(room.linger);
        unload(room);
      }
      await Promise.all([...unloading.values()]);
    },
  };
}

export type RoomRegistry = ReturnType<typeof createRoomRegistry>;
