import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Messages between replicas on a room's Redis channel. Each names the replica
 * that sent it, so a replica ignores its own.
 */
export type FanoutMessage =
  /** A document update one of the sender's clients (or the sender itself) made. */
  | { kind: 'update'; update: Uint8Array }
  /** An awareness update (cursor, name, a client leaving). */
  | { kind: 'awareness'; update: Uint8Array }
  /** "I just loaded this room; send me what my state vector lacks." */
  | { kind: 'sync-request'; stateVector: Uint8Array }
  /** The room closed: drop client writes from now on. */
  | { kind: 'closed' }
  /** The sender freed the room: stop fanning out to it. */
  | { kind: 'left' }
  /**
   * An editor message for every client of the room (a run's progress), from
   * whichever replica heard of it, which need not hold the room itself.
   */
  | { kind: 'relay'; message: Uint8Array }
  /**
   * A call signal one of the sender's clients sent (an editor message, already
   * stamped): for the sockets of every user of the room but `from`.
   */
  | { kind: 'call'; from: string; message: Uint8Array };

const KINDS = ['update', 'awareness', 'sync-request', 'closed', 'left', 'relay', 'call'] as const;

export function encodeFanout(replicaId: string, message: FanoutMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, replicaId);
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  if (message.kind === 'update' || message.kind === 'awareness') encoding.writeVarUint8Array(encoder, message.update);
  if (message.kind === 'sync-request') encoding.writeVarUint8Array(encoder, message.stateVector);
  if (message.kind === 'relay') encoding.writeVarUint8Array(encoder, message.message);
  if (message.kind === 'call') {
    encoding.writeVarString(encoder, message.from);
    encoding.writeVarUint8Array(encoder, message.message);
  }
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Null for a message this version cannot read (a newer replica during a rollout). */
export function decodeFanout(data: Uint8Array): { replicaId: string; message: FanoutMessage } | null {
  try {
    const decoder = decoding.createDecoder(data);
    const replicaId = decoding.readVarString(decoder);
    const kind = KINDS[decoding.readVarUint(decoder)];
    switch (kind) {
      case 'update':
      case 'awareness':
        return { replicaId, message: { kind, update: decoding.readVarUint8Array(decoder) } };
      case 'sync-request':
        return { replicaId, message: { kind, stateVector: decoding.readVarUint8Array(decoder) } };
      case 'closed':
      case 'left':
        return { replicaId, message: { kind } };
      case 'relay':
        return { replicaId, message: { kind, message: decoding.readVarUint8Array(decoder) } };
      case 'call': {
        const from = decoding.readVarString(decoder);
        return { replicaId, message: { kind, from, message: decoding.readVarUint8Array(decoder) } };
      }
      default:
        return null;
    }
  } catch {
    return null;
  }
}
