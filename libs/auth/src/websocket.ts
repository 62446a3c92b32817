import http, { type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemForError, UnauthorizedError } from '@peerprep/service-kit';
import { extractWebSocketToken, WEBSOCKET_APP_PROTOCOL } from './token-extraction';
import type { AuthenticatedUser } from './tokens';
import type { TokenVerifier } from './verifier';

/**
 * The user of a WebSocket upgrade, from the `bearer.<jwt>` subprotocol or the
 * `access_token` query parameter. Rejects like TokenVerifier.verify
 * (UnauthorizedError when no token is offered).
 */
export async function authenticateUpgrade(
  verifier: TokenVerifier,
  req: Pick<IncomingMessage, 'headers' | 'url'>,
): Promise<AuthenticatedUser> {
  const token = extractWebSocketToken(req);
  if (!token) throw new UnauthorizedError();
  return verifier.verify(token);
}

/**
 * For ws's `handleProtocols`: browsers fail a handshake that offered
 * subprotocols unless the server picks one of them, and the server must never
 * echo the `bearer.<jwt>` one (it would put the token in response headers).
 * So clients offer `peerprep, bearer.<jwt>` and the server answers `peerprep`.
 */
export function chooseWebSocketProtocol(offered: Iterable<string>): string | false {
  for (const protocol of offered) if (protocol === WEBSOCKET_APP_PROTOCOL) return protocol;
  return false;
}

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

/**
 * Refuses an upgrade for an error from authenticateUpgrade (or any domain
 * error): 401 for a bad token, 503 when keys are unavailable, 500 otherwise.
 */
export function rejectUpgradeForError(socket: Duplex, error: unknown): void {
  rejectUpgrade(socket, problemForError(error)?.status ?? 500);
}
