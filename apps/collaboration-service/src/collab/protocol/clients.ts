import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { EditorUser, LiveRoom } from '../live-room';
import { encodeAwarenessStates, encodeSyncStep1 } from './messages';
import { send } from './send';

/** Transaction origin of the server's own changes to a document (ending a session, a chat line): sent to every client. */
export const SERVER_ORIGIN = Symbol('collaboration-service');

/** Each open connection's user (a WeakMap: no field on the room, nothing to free). */
const users = new WeakMap<WebSocket, EditorUser>();

/** The user of a connection of a room (undefined for one that never joined). */
export const userOf = (conn: WebSocket): EditorUser | undefined => users.get(conn);

/** Adds a connection of `user` to the room (controlling no awareness state yet). */
export function join(room: LiveRoom, conn: WebSocket, user: EditorUser): void {
  users.set(conn, user);
  room.conns.set(conn, new Set());
}

/** What a client gets first: the server's sync step 1, then the room's awareness states (if any). */
export function greet(room: LiveRoom, conn: WebSocket): void {
  send(conn, encodeSyncStep1(room.doc));
  sendAwareness(room, conn);
}

/** Every awareness state of the room, to one client (nothing when there is none). */
export function sendAwareness(room: LiveRoom, conn: WebSocket): void {
  const states = room.awareness.getStates();
  if (states.size === 0) return;
  send(conn, encodeAwarenessStates(room.awareness, [...states.keys()]));
}

/**
 * Removes a connection and the awareness states it controlled (the other
 * clients see them go). False when it was not in the room.
 */
export function leave(room: LiveRoom, conn: WebSocket): boolean {
  const controlled = room.conns.get(conn);
  if (!controlled) return false;
  room.conns.delete(conn);
  awarenessProtocol.removeAwarenessStates(room.awareness, [...controlled], null);
  return true;
}

/**
 * Keeps track of the awareness client ids each connection controls (its
 * client and any it relays). `origin` is the socket an update came from;
 * any other origin (another replica, the server) is no key of `conns`.
 */
export function recordControlledClients(room: LiveRoom, origin: unknown, added: number[], removed: number[]): void {
  const controlled = room.conns.get(origin as WebSocket);
  if (!controlled) return;
  for (const id of added) controlled.add(id);
  for (const id of removed) controlled.delete(id);
}

/** The awareness client ids of this replica's clients of the room. */
export function localAwarenessClients(room: LiveRoom): number[] {
  return [...room.conns.values()].flatMap((ids) => [...ids]);
}

/** Sends to every connection of the room here whose user is not `userId` (a call signal: for the other participant only). */
export function sendToOthers(room: LiveRoom, userId: string, message: Uint8Array): void {
  for (const conn of room.conns.keys()) {
    const user = userOf(conn);
    if (user !== undefined && user.id !== userId) send(conn, message);
  }
}
