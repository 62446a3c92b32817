import type { IncomingMessage } from 'node:http';
import { UnauthorizedError } from '@peerprep/service-kit';
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

// The HTTP refusals of an upgrade live in the service kit, whose WebSocket hub
// writes them too (the kit cannot import this library); kept importable from here.
export { rejectUpgrade, rejectUpgradeForError } from '@peerprep/service-kit';

/**
 * The service kit's WebSocket hub options that admit PeerPrep users: the
 * token check (401 without a good token, 503 without keys) and the
 * subprotocol answer. Spread into `createWebSocketHub({ ... })`.
 */
export function webSocketAuthentication(verifier: TokenVerifier) {
  return {
    authenticate: (req: IncomingMessage): Promise<AuthenticatedUser> => authenticateUpgrade(verifier, req),
    handleProtocols: (offered: Set<string>): string | false => chooseWebSocketProtocol(offered),
  };
}
