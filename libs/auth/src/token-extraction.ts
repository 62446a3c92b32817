import type { IncomingMessage } from 'node:http';

/**
 * Where an access token travels. HTTP calls send `Authorization: Bearer <jwt>`.
 * Browsers cannot set headers on a WebSocket, so an upgrade carries it as a
 * subprotocol (`Sec-WebSocket-Protocol: peerprep, bearer.<jwt>`). Never in the
 * URL: URLs end up in access logs, proxies' logs and browser history.
 */
export const WEBSOCKET_TOKEN_PROTOCOL_PREFIX = 'bearer.';
export const WEBSOCKET_APP_PROTOCOL = 'peerprep';

const BEARER = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/i;

/** The JWT from an `Authorization` header, or null when absent or malformed. */
export function extractBearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = BEARER.exec(header.trim());
  return match ? match[1] : null;
}

/** The JWT from a WebSocket upgrade request's `bearer.<jwt>` subprotocol (a query `access_token` is ignored). */
export function extractWebSocketToken(req: Pick<IncomingMessage, 'headers' | 'url'>): string | null {
  const offered = req.headers['sec-websocket-protocol'];
  if (typeof offered === 'string') {
    for (const protocol of offered.split(',').map((p) => p.trim())) {
      if (protocol.startsWith(WEBSOCKET_TOKEN_PROTOCOL_PREFIX)) {
        const token = protocol.slice(WEBSOCKET_TOKEN_PROTOCOL_PREFIX.length);
        return extractBearerToken(`Bearer ${token}`);
      }
    }
  }
  return null;
}

/** Whether a request's URL carries an `access_token` query parameter (refused: tokens never travel in URLs). */
export function urlCarriesAccessToken(url: string | undefined): boolean {
  return new URL(url ?? '/', 'http://localhost').searchParams.has('access_token');
}
