import { COLLAB_CLOSE_CODES, ROOM_LIMITS } from '@peerprep/contracts';
import * as decoding from 'lib0/decoding';

/** One entry of an awareness update: a client id, its clock, and its state (null: the client left). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
  /** Bytes of the state as JSON. */
  bytes: number;
}

/** The entries of an awareness update (y-protocols' encoding); throws on a malformed one. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push({ clientId, clock, state: JSON.parse(json) as unknown, bytes: Buffer.byteLength(json) });
  }
  return entries;
}

/** Awareness client ids one connection may own: its document's, and one more should Yjs change it (a clash). */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 2;

/** What the check needs to know of the room's awareness now. */
export interface AwarenessOwnership {
  /** The user of the connection that sent the update. */
  userId: string;
  /** The client ids that connection owns. */
  owned: ReadonlySet<number>;
  /** Who owns `clientId` now: a user id (another connection here, or a state from another replica), or undefined for nobody. */
  ownerOf(clientId: number): string | undefined;
  /**
   * Whether applying the entry changes anything (y-protocols' rule: a newer
   * clock, or the same clock removing a state). y-websocket clients echo
   * every awareness change they receive, their peers' too, with the clock
   * they got: those echoes change nothing and are let through unchecked.
   */
  changes(entry: AwarenessEntry): boolean;
}

export type AwarenessVerdict = { ok: true } | { ok: false; code: number; reason: string };

const refuse = (reason: string): AwarenessVerdict => ({ ok: false, code: COLLAB_CLOSE_CODES.writeRefused, reason });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a state is refused for `userId`; undefined when it is fine. */
function stateRefusal(entry: AwarenessEntry, userId: string): string | undefined {
  if (entry.state === null) return undefined;
  if (!isRecord(entry.state)) return 'an awareness state is an object';
  const user = entry.state['user'];
  if (user !== undefined) {
    if (!isRecord(user) || user['id'] !== userId) return 'awareness.user.id must be the connection\'s user';
    const { name, color } = user;
    if (typeof name !== 'string' || name.length > ROOM_LIMITS.awarenessNameMaxLength) {
      return `awareness.user.name must be at most ${ROOM_LIMITS.awarenessNameMaxLength} characters`;
    }
    if (typeof color !== 'string' || color.length > 32) return 'awareness.user.color must be a CSS colour';
  }
  if (entry.bytes > ROOM_LIMITS.awarenessStateMaxBytes) return `an awareness state is at most ${ROOM_LIMITS.awarenessStateMaxBytes} bytes`;
  return undefined;
}

/**
 * Checks a client's awareness update before it is applied. Each entry must
 * be for a client id this connection owns, or one nobody else's user owns
 * (it is then this connection's: a reload of the same user takes over its
 * own id from a connection not yet found dead); a connection owns at most
 * two ids; a state names the connection's own user (`user.id`), with a
 * bounded name and size. So nobody writes, moves or removes another user's
 * cursor or name, nor adds ghost peers.
 */
export function checkAwarenessUpdate(entries: readonly AwarenessEntry[], ownership: AwarenessOwnership): AwarenessVerdict {
  const claimed = new Set(ownership.owned);
  for (const entry of entries) {
    if (!ownership.changes(entry)) continue;
    if (!ownership.owned.has(entry.clientId)) {
      const owner = ownership.ownerOf(entry.clientId);
      if (owner !== undefined && owner !== ownership.userId) return refuse('that awareness client belongs to another user');
      if (entry.state !== null) claimed.add(entry.clientId);
    }
    const refusal = stateRefusal(entry, ownership.userId);
    if (refusal) return refuse(refusal);
  }
  if (claimed.size > MAX_AWARENESS_CLIENTS_PER_CONNECTION) {
    return refuse(`one connection has at most ${MAX_AWARENESS_CLIENTS_PER_CONNECTION} awareness clients`);
  }
  return { ok: true };
}
