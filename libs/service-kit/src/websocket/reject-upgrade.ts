import http from 'node:http';
import type { Duplex } from 'node:stream';
import { problemForError } from '../error-handler';

/**
 * Refuses an upgrade with a minimal HTTP problem response, written before any
 * WebSocket byte, then closes the socket.
 */
export function rejectUpgrade(socket: Duplex, status: number, title: string = http.STATUS_CODES[status] ?? 'Error'): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ type: 'about:blank', title, status });
  const challenge = status === 401 ? 'WWW-Authenticate: Bearer\r\n' : '';
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      challenge +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The HTTP status refusing an upgrade for `error`: a domain error's (401 bad token, 503 keys unavailable), else 500. */
export function upgradeStatusForError(error: unknown): number {
  return problemForError(error)?.status ?? 500;
}

/**
 * Refuses an upgrade for an error from an authentication (or any domain
 * error): 401 for a bad token, 503 when keys are unavailable, 500 otherwise.
 */
export function rejectUpgradeForError(socket: Duplex, error: unknown): void {
  rejectUpgrade(socket, upgradeStatusForError(error));
}
