import type { IncomingMessage } from 'node:http';
import { WEBSOCKET_CLOSE_CODES } from '@peerprep/contracts';
import { UnauthorizedError, type SocketCloser } from '@peerprep/service-kit';
import { revokes, type RevocationList, type TokenSession } from './revocation';
import { extractWebSocketToken, WEBSOCKET_APP_PROTOCOL } from './token-extraction';
import type { AuthenticatedUser } from './tokens';
import type { TokenVerifier } from './verifier';

/**
 * The user of a WebSocket upgrade, from the `bearer.<jwt>` subprotocol (a
 * token in the query is not accepted). Rejects like TokenVerifier.verify
 * (UnauthorizedError when no token is offered).
 */
export async function authenticateUpgrade(
  verifier: TokenVerifier,
  req: Pick<IncomingMessage, 'headers' | 'url'>,
): Promise<AuthenticatedUser> {
  const token = extractWebSocketToken(req);
  if (!token) throw new UnauthorizedError();
  const { user, session } = await verifier.verifySession(token);
  sessions.set(user, session);
  return user;
}

/** The token session of each user object authenticateUpgrade answered (kept off the object channels hand around). */
const sessions = new WeakMap<AuthenticatedUser, TokenSession>();

/** The session of the token a socket's user was authenticated with. */
export function tokenSessionOf(user: AuthenticatedUser): TokenSession | undefined {
  return sessions.get(user);
}

/**
 * Closes, on every replica, the open sockets of a hub whose token a
 * revocation covers (WEBSOCKET_CLOSE_CODES.tokenRevoked). Returns the unsubscribe.
 */
export function closeSocketsOnRevocation(revocations: RevocationList, hub: SocketCloser<AuthenticatedUser>): () => void {
  return revocations.onRevocation((revocation) => {
    hub.closeWhere(
      (user) => {
        const session = tokenSessionOf(user);
        return session !== undefined && revokes(revocation, session);
      },
      WEBSOCKET_CLOSE_CODES.tokenRevoked,
      'access revoked',
    );
  });
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
    // A socket lives no longer than its token: closed at the heartbeat after exp, the client reconnects with a fresh one.
    expiresAt: (user: AuthenticatedUser): number | undefined => {
      const session = tokenSessionOf(user);
      return session && session.expiresAt * 1000;
    },
    expiryClose: { code: WEBSOCKET_CLOSE_CODES.tokenExpired, reason: 'access token expired' },
  };
}
