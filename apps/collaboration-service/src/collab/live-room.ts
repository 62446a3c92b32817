import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { FanoutMessage } from './fanout/fanout-codec';

/** Who a connection of a room is: its user, as its token said when it opened. */
export interface EditorUser {
  id: string;
  displayName: string;
}

/** What a loaded room's `ready` is: one settled promise for all of them. */
export const LOADED: Promise<void> = Promise.resolve();

/**
 * A room's document while anyone on this replica uses it: the one record
 * every part of the editor reads. Its fields are grouped by the part that
 * writes them. They stay plain fields of one object (no sub-object per part)
 * because thousands of rooms live for hours and each object costs a header:
 * the memory per room was tuned, and is benchmarked (bench:collab).
 */
export class LiveRoom {
  // protocol/: the document, its awareness, and who is connected.
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each connection and the awareness client ids it controls (removed when it closes). */
  readonly conns = new Map<WebSocket, Set<number>>();
  /** Client writes are dropped (the room is closed). Set by acquire, by ending the session, or by another replica's `closed`. */
  readOnly = false;
  /**
   * Bytes of the document: its encoded size when loaded, plus every update
   * applied since (an upper bound). A client update past
   * ROOM_LIMITS.documentMaxBytes is refused.
   */
  documentBytes = 0;

  // registry/: load, hold, free.
  /** Connections plus in-flight operations (ending the session) holding the room in memory. */
  holders = 0;
  /** When the document was loaded (0: not yet). */
  loadedAt = 0;
  ready: Promise<void> = LOADED;
  linger: NodeJS.Timeout | undefined;

  // persistence/: the document log.
  /** Local changes not yet in Postgres (allocated when there are some). */
  pending: Uint8Array[] | undefined;
  /** Changes arrived from other replicas: the state is written whole on unload, in case their writer died. */
  remoteApplied = false;
  /** Rows in the room's log since its snapshot (compaction starts at COLLAB_COMPACT_AFTER_UPDATES). */
  logLength = 0;
  compacting = false;

  // fanout/: the other replicas.
  /** Fan-out messages that arrived while the room was loading. */
  early: { replicaId: string; message: FanoutMessage }[] | undefined;
  /**
   * Other replicas holding this room. Updates and awareness are published
   * only while there is one: most rooms live on a single replica (and
   * never allocate the set).
   */
  peers: Set<string> | undefined;

  get hasPeers(): boolean {
    return (this.peers?.size ?? 0) > 0;
  }

  get loaded(): boolean {
    return this.loadedAt > 0;
  }

  constructor(readonly id: string) {
    this.awareness.setLocalState(null);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
