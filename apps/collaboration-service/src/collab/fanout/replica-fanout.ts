import { randomUUID } from 'node:crypto';
import type { Logger } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LiveRoom } from '../live-room';
import { localAwarenessClients, sendToOthers } from '../protocol/clients';
import { encodeSyncUpdate } from '../protocol/messages';
import { broadcast } from '../protocol/send';
import { decodeFanout, encodeFanout, type FanoutMessage } from './fanout-codec';

/** Transaction origin of changes that came from another replica (already persisted and fanned out there). */
export const REMOTE = Symbol('another replica');

const RESYNC_AFTER_RECONNECT_MS = 100;

export interface ReplicaFanoutOptions {
  redis: Redis;
  /** A connection of its own: a subscribed Redis client can do nothing else. */
  subscriber: Redis;
  /** Prefix of the rooms' pub/sub channels (`<prefix>room:<roomId>`). */
  keyPrefix: string;
  /** The rooms this replica holds, loaded or loading. */
  rooms: { get(roomId: string): LiveRoom | undefined; rooms(): Iterable<LiveRoom> };
  logger: Logger;
}

/**
 * The other replicas that hold a room, over its Redis channel. Replicas
 * find each other through sync requests: one that loads a room asks; every
 * holder that did not know it yet adds it and asks back. So each side
 * answers the other's state vector with what it lacks (edits made before
 * they knew each other included), and fans out from then on. A room with no
 * peer publishes nothing but its sync request.
 */
export function createReplicaFanout({ redis, subscriber, keyPrefix, rooms, logger }: ReplicaFanoutOptions) {
  const replicaId = randomUUID();
  const channelPrefix = `${keyPrefix}room:`;
  const channelOf = (roomId: string) => `${channelPrefix}${roomId}`;

  function publish(room: LiveRoom, message: FanoutMessage): void {
    redis.publish(channelOf(room.id), encodeFanout(replicaId, message)).catch((error: unknown) => {
      logger.error({ err: error, roomId: room.id }, 'fanning out to other replicas failed');
    });
  }

  function requestSync(room: LiveRoom): void {
    publish(room, { kind: 'sync-request', stateVector: Y.encodeStateVector(room.doc) });
  }

  // Pub/sub is at most once: whatever the others published while this
  // replica's subscriber was reconnecting is lost. Once it is back (ioredis
  // resubscribes by itself, right after 'ready'), every live room asks its
  // peers again; a moment later, so the answers find the channels subscribed.
  subscriber.on('ready', () => {
    setTimeout(() => {
      for (const room of rooms.rooms()) {
        if (room.loaded) requestSync(room);
      }
    }, RESYNC_AFTER_RECONNECT_MS).unref();
  });

  subscriber.on('messageBuffer', (channel: Buffer, data: Buffer) => {
    const room = rooms.get(channel.toString().slice(channelPrefix.length));
    if (!room) return;
    const decoded = decodeFanout(data);
    if (!decoded || decoded.replicaId === replicaId) return;
    if (!room.loaded) {
      (room.early ??= []).push(decoded);
      return;
    }
    try {
      receive(room, decoded.replicaId, decoded.message);
    } catch (error) {
      logger.error({ err: error, roomId: room.id }, 'a fan-out message from another replica could not be applied');
    }
  });

  function receive(room: LiveRoom, from: string, message: FanoutMessage): void {
    if (message.kind === 'left') {
      room.peers?.delete(from);
      return;
    }
    // The sender need not hold the room (it heard of a run): not a peer.
    if (message.kind === 'relay') {
      broadcast(room, message.message);
      return;
    }
    // Sent on whether or not the sender is a known peer: a call signal is for the other user, wherever they are.
    if (message.kind === 'call') {
      sendToOthers(room, message.from, message.message);
      return;
    }
    if (!room.peers?.has(from)) {
      (room.peers ??= new Set()).add(from);
      requestSync(room);
    }
    switch (message.kind) {
      case 'update':
        // The sender applied it before publishing it (so it is well formed):
        // the clients here get it first, the document here after, which
        // keeps applying it off the path from one peer to the other.
        broadcast(room, encodeSyncUpdate(message.update));
        Y.applyUpdate(room.doc, message.update, REMOTE);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, REMOTE);
        return;
      case 'sync-request': {
        const missing = Y.encodeStateAsUpdate(room.doc, message.stateVector);
        // An empty update is two bytes (no structs, no deletions).
        if (missing.length > 2) publish(room, { kind: 'update', update: missing });
        const local = localAwarenessClients(room);
        if (local.length > 0) publish(room, { kind: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(room.awareness, local) });
        return;
      }
      case 'closed':
        room.readOnly = true;
        return;
    }
  }

  return {
    replicaId,

    /**
     * Before a room is read from Postgres: nothing another replica sends from
     * then on is missed (it waits in `early` until the room is loaded).
     */
    subscribe: (roomId: string): Promise<unknown> => subscriber.subscribe(channelOf(roomId)),

    /** The last step of freeing a room (or of a failed load). */
    unsubscribe: (roomId: string): Promise<unknown> => subscriber.unsubscribe(channelOf(roomId)),

    /**
     * Once a room is loaded: what arrived meanwhile is applied, then a sync
     * request fetches what the other holders have but have not written yet.
     */
    joined(room: LiveRoom): void {
      const early = room.early ?? [];
      room.early = undefined;
      for (const { replicaId: from, message } of early) receive(room, from, message);
      requestSync(room);
    },

    /** A change of this replica's (its client's, or its own) to the room's document, for the peers if it has any. */
    update(room: LiveRoom, update: Uint8Array): void {
      if (room.hasPeers) publish(room, { kind: 'update', update });
    },

    /** An awareness change of this replica's clients, for the peers if it has any. */
    awareness(room: LiveRoom, update: Uint8Array): void {
      if (room.hasPeers) publish(room, { kind: 'awareness', update });
    },

    /** The room closed: every holder drops client writes from now on (published whether or not it knows of one). */
    closed(room: LiveRoom): void {
      publish(room, { kind: 'closed' });
    },

    /**
     * An editor message for the room's clients on every other replica that
     * holds it (published whether or not this replica holds the room or knows of a peer).
     */
    relay(roomId: string, message: Uint8Array): void {
      redis.publish(channelOf(roomId), encodeFanout(replicaId, { kind: 'relay', message })).catch((error: unknown) => {
        logger.error({ err: error, roomId }, 'relaying to other replicas failed');
      });
    },

    /**
     * A call signal of a client here (stamped with its user, `from`), for the
     * other user's sockets on every other replica that holds the room:
     * published whether or not this replica knows of a peer, as a relay is
     * (a handful per call, so the saved round trip is worth nothing here).
     */
    callSignal(room: LiveRoom, from: string, message: Uint8Array): void {
      publish(room, { kind: 'call', from, message });
    },

    /** This replica freed the room: its peers stop fanning out to it. */
    left(room: LiveRoom): void {
      if (room.hasPeers) publish(room, { kind: 'left' });
    },
  };
}

export type ReplicaFanout = ReturnType<typeof createReplicaFanout>;
