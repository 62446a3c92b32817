import type http from 'node:http';
import {
  extractBearerToken,
  extractWebSocketToken,
  INVALID_TOKEN_MESSAGE,
  urlCarriesAccessToken,
  WEBSOCKET_TOKEN_PROTOCOL_PREFIX,
  type TokenVerifier,
} from '@peerprep/auth';
import { ServiceUnavailableError, UnauthorizedError, type Logger } from '@peerprep/service-kit';

export type EdgeAuthOutcome = { allowed: true } | { allowed: false; status: 401 | 500 | 503; detail: string };

export interface EdgeAuth {
  /** Resolves, never rejects. undefined when the request carries no Authorization header (the service decides what is public). */
  checkRequest(req: http.IncomingMessage): Promise<EdgeAuthOutcome> | undefined;
  /** undefined when the upgrade offers no token in its subprotocols; 401 for a token in the query, which is never accepted. */
  checkUpgrade(req: http.IncomingMessage): Promise<EdgeAuthOutcome> | undefined;
}

const ALLOWED: EdgeAuthOutcome = { allowed: true };
const INVALID: EdgeAuthOutcome = { allowed: false, status: 401, detail: INVALID_TOKEN_MESSAGE };

const TOKEN_IN_URL: EdgeAuthOutcome = {
  allowed: false,
  status: 401,
  detail: 'Access tokens are not accepted in the URL: offer it as the bearer.<jwt> WebSocket subprotocol',
};

function offersWebSocketToken(req: http.IncomingMessage): boolean {
  const protocols = req.headers['sec-websocket-protocol'];
  return typeof protocols === 'string' && protocols.includes(WEBSOCKET_TOKEN_PROTOCOL_PREFIX);
}

/**
 * Token checks at the edge: a request that sends a token must send a valid
 * one, so forged or expired tokens never reach a service. The header is
 * forwarded untouched; services verify again (defence in depth) and decide
 * what needs a token at all. Nothing is cached: each check is one signature
 * verification against keys the verifier already holds.
 */
export function createEdgeAuth(verifier: TokenVerifier, logger: Logger): EdgeAuth {
  function verify(token: string | null, req: http.IncomingMessage): Promise<EdgeAuthOutcome> {
    if (!token) return Promise.resolve(INVALID);
    return verifier.verify(token).then(
      () => ALLOWED,
      (error: unknown): EdgeAuthOutcome => {
        if (error instanceof UnauthorizedError) return INVALID;
        if (error instanceof ServiceUnavailableError) {
          logger.warn({ err: error.cause ?? error, reqId: req.id }, 'access tokens cannot be verified: signing keys unavailable');
          return { allowed: false, status: 503, detail: 'Access tokens cannot be verified right now' };
        }
        // Never rejects: the check may be settled while nobody awaits it yet (a 429 answered first).
        logger.error({ err: error, reqId: req.id }, 'token check failed');
        return { allowed: false, status: 500, detail: 'The access token could not be checked' };
      },
    );
  }

  return {
    checkRequest(req) {
      const header = req.headers.authorization;
      if (header === undefined) return undefined;
      return verify(extractBearerToken(header), req);
    },
    checkUpgrade(req) {
      // Refused here, so a token in a URL never reaches a service or its logs.
      if (urlCarriesAccessToken(req.url)) return Promise.resolve(TOKEN_IN_URL);
      if (!offersWebSocketToken(req)) return undefined;
      return verify(extractWebSocketToken(req), req);
    },
  };
}
