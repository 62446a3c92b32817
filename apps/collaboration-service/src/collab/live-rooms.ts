import { roomDocument, type InterviewView, type ReleasedHint, type RunView } from '@peerprep/contracts';
import type { Logger } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentStore } from '../documents/document-store';
import { createReplicaFanout, REMOTE } from './fanout/replica-fanout';
import type { EditorUser, LiveRoom } from './live-room';
import { createDocumentFlusher } from './persistence/document-flusher';
import { createClientMessages } from './protocol/client-messages';
import { greet, join, leave, recordControlledClients, sendToOthers, SERVER_ORIGIN, userOf } from './protocol/clients';
import { encodeAwarenessMessage, encodeHintMessage, encodeInterviewMessage, encodeRunMessage, encodeSyncUpdate } from './protocol/messages';
import { broadcast } from './protocol/send';
import { createRoomRegistry } from './registry/room-registry';

export interface LiveRoomsOptions {
  redis: Redis;
  /** A connection of its own: a subscribed Redis client can do nothing else. */
  subscriber: Redis;
  store: DocumentStore;
  logger: Logger;
  /** Prefix of the rooms' pub/sub channels. */
  keyPrefix: string;
  flushIntervalMs: number;
  compactAfterUpdates: number;
  lingerMs: number;
  /**
   * Told when a user's first connection to a room on this replica opens, and
   * when their last one here closes (a mock interview's arrivals and
   * departures). Called after the socket joined or left; never awaited.
   */
  presence?: {
    connected(roomId: string, userId: string): void;
    disconnected(roomId: string, userId: string): void;
  };
}

export type LiveRooms = ReturnType<typeof createLiveRooms>;

/**
 * The live editor of this replica: the rooms it holds in memory, speaking
 * the y-websocket protocol (sync and awareness) to their connections. Every
 * local change is fanned out to the other replicas on the room's Redis
 * channel and appended to the Postgres log in batches; a room is freed once
 * nobody holds it.
 *
 * Each of those jobs is a part of its own (registry/, protocol/, fanout/,
 * persistence/, socket/; see the README's "Where things live"). This file
 * only puts them together: what loading and freeing a room do, in order,
 * and where a change to a room goes.
 */
export function createLiveRooms(options: LiveRoomsOptions) {
  const { logger } = options;
  const registry = createRoomRegistry({ load, free, abandon, lingerMs: options.lingerMs, logger });
  const fanout = createReplicaFanout({
    redis: options.redis,
    subscriber: options.subscriber,
    keyPrefix: options.keyPrefix,
    rooms: registry,
    logger,
  });
  const flusher = createDocumentFlusher({
    store: options.store,
    logger,
    flushIntervalMs: options.flushIntervalMs,
    compactAfterUpdates: options.compactAfterUpdates,
  });
  // A call signal goes to the other user's sockets here and, through Redis, on the other replicas.
  const clientMessages = createClientMessages((room, from, message) => {
    fanout.callSignal(room, from.id, message);
    sendToOthers(room, from.id, message);
  });
  /** Rooms edited since the last `takeActiveRoomIds`. */
  const edited = new Set<string>();

  async function load(room: LiveRoom): Promise<void> {
    // Subscribed before reading Postgres: nothing another replica sends from
    // now on is missed, and the sync request (joined) fetches what it holds
    // but has not written yet.
    await fanout.subscribe(room.id);
    await flusher.load(room);
    room.documentBytes = Y.encodeStateAsUpdate(room.doc).byteLength;
    watch(room);
    room.loadedAt = Date.now();
    fanout.joined(room);
  }

  async function free(room: LiveRoom): Promise<void> {
    if (room.loaded) {
      await flusher.writeBeforeFree(room);
      fanout.left(room);
    }
    await fanout.unsubscribe(room.id);
  }

  async function abandon(room: LiveRoom): Promise<void> {
    await fanout.unsubscribe(room.id);
  }

  /** Where every change to a loaded room goes. */
  function watch(room: LiveRoom): void {
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      room.documentBytes += update.byteLength;
      if (origin === REMOTE) {
        // Already sent to the clients here (fanout), and written by its replica.
        room.remoteApplied = true;
        return;
      }
      // The other replicas first: their clients are a hop further away.
      fanout.update(room, update);
      broadcast(room, encodeSyncUpdate(update), origin);
      edited.add(room.id);
      flusher.record(room, update);
    });

    room.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        recordControlledClients(room, origin, added, removed);
        const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...added, ...updated, ...removed]);
        if (origin !== REMOTE) fanout.awareness(room, update);
        broadcast(room, encodeAwarenessMessage(update));
      },
    );
  }

  function markClosed(room: LiveRoom): void {
    room.readOnly = true;
    fanout.closed(room);
  }

  return {
    replicaId: fanout.replicaId,

    /**
     * Holds a room in memory (loading it first if needed) until `release`.
     * A room being freed is loaded again once that is done.
     */
    acquire: registry.acquire,

    release: registry.release,

    /**
     * Serves a room's document on an open socket (the room already acquired
     * for it). The socket itself (its listeners, heartbeat and closing) is
     * the editor hub's, socket/collab-socket.ts.
     */
    connect(room: LiveRoom, conn: WebSocket, user: EditorUser): void {
      join(room, conn, user);
      greet(room, conn);
      // Every connection, not only a user's first: the interview's view is sent to both peers on each.
      options.presence?.connected(room.id, user.id);
    },

    /** A message from a client of the room; throws on a malformed one. */
    receive: clientMessages.receive,

    /** The socket closed: its awareness states go, and the room is let go of once nobody holds it. */
    disconnect(room: LiveRoom, conn: WebSocket): void {
      const user = userOf(conn);
      if (!leave(room, conn)) return;
      const stillHere = user !== undefined && [...room.conns.keys()].some((other) => userOf(other)?.id === user.id);
      const roomId = room.id;
      registry.release(room);
      if (user !== undefined && !stillHere) options.presence?.disconnected(roomId, user.id);
    },

    /**
     * Ends the session in the document: client writes are dropped on every
     * replica from now on, and `endedBy` tells every client who ended it.
     */
    endSession(room: LiveRoom, endedBy: string): void {
      markClosed(room);
      room.doc.transact(() => room.doc.getMap(roomDocument.meta).set(roomDocument.metaKeys.endedBy, endedBy), SERVER_ORIGIN);
    },

    /**
     * The server's own change to a held room's document (a round starting:
     * which round's code clients may write, round two's fresh editor), sent
     * to every client here, to the other replicas and to the log like any
     * change.
     */
    writeAsServer(room: LiveRoom, write: (doc: Y.Doc) => void): void {
      room.doc.transact(() => write(room.doc), SERVER_ORIGIN);
    },

    /**
     * A mock interview's state, for both peers' clients here and on every
     * other replica that holds the room (server state, as a run is: a
     * message of its own that no client can send).
     */
    announceInterview(roomId: string, view: InterviewView): void {
      const message = encodeInterviewMessage(JSON.stringify(view));
      fanout.relay(roomId, message);
      const room = registry.get(roomId);
      if (room?.loaded) broadcast(room, message);
    },

    /**
     * A run of the room, for its clients here and on every other replica
     * that holds it. The run is server state: it travels as a message of its
     * own, never through the document, so no client can forge or alter it.
     */
    announceRun(roomId: string, run: RunView): void {
      const message = encodeRunMessage(JSON.stringify(run));
      fanout.relay(roomId, message);
      const room = registry.get(roomId);
      if (room?.loaded) broadcast(room, message);
    },

    /**
     * A hint the round's interviewer released, for both peers here and on
     * every other replica that holds the room (a `relay`, as a run's). Server
     * state, like a run: it never enters the document.
     */
    announceHint(roomId: string, hint: ReleasedHint): void {
      const message = encodeHintMessage(JSON.stringify(hint));
      fanout.relay(roomId, message);
      const room = registry.get(roomId);
      if (room?.loaded) broadcast(room, message);
    },

    /** Writes every pending change now. */
    flush: flusher.flush,

    /** Rooms with a connection here now, or edited here since the last call. */
    takeActiveRoomIds(): string[] {
      const active = new Set(edited);
      edited.clear();
      for (const room of registry.rooms()) if (room.conns.size > 0) active.add(room.id);
      return [...active];
    },

    /** Whether anyone is connected to the room on this replica. */
    hasConnections: (roomId: string) => (registry.get(roomId)?.conns.size ?? 0) > 0,

    /** Makes the room read-only here and on every other replica (closed without a user ending it). */
    markClosed,

    /** Whether this replica holds the room in memory. */
    isLive: registry.isLive,

    /** Rooms in memory on this replica, and client writes dropped because their room was closed. */
    stats: () => ({
      rooms: registry.size,
      connections: [...registry.rooms()].reduce((sum, room) => sum + room.conns.size, 0),
      droppedWrites: clientMessages.droppedWrites,
    }),

    /** Shutdown, once the editor hub closed every socket (clients reconnect, to another replica): writes what is pending. */
    async closeAll(): Promise<void> {
      await registry.freeAll();
      await flusher.stop();
    },
  };
}
