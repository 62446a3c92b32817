import type { IncomingMessage } from 'node:http';

/**
 * Where an access token travels. HTTP calls send `Authorization: Bearer <jwt>`.
 * Browsers cannot set headers on a WebSocket, so an upgrade carries it as a
 * subprotocol (`Sec-WebSocket-Protocol: peerprep, bearer.<jwt>`) or, as a last
 * resort, in the `access_token` query parameter.
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

/** The JWT from a WebSocket upgrade request (subprotocol first, then query). */
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
  const url = new URL(req.url ?? '/', 'http://localhost');
  const fromQuery = url.searchParams.get('access_token');
  return fromQuery ? extractBearerToken(`Bearer ${fromQuery}`) : null;
}
