import { createHash, timingSafeEqual } from 'node:crypto';
import { INTERNAL_TOKEN_HEADER } from '@peerprep/contracts';
import { UnauthorizedError } from './errors';
import type { Request, RequestHandler } from 'express';

declare global {
  // Express's own extension point for request typings.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set when the request carries the shared internal token (a service, not a browser). */
      internalCaller?: boolean;
    }
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Recognises service-to-service callers by the shared secret in
 * `x-internal-token`. Compared through fixed-length digests in constant time,
 * so neither the length nor a prefix of the secret leaks through timing.
 * A request that sends the header must send the right value (401), so a
 * misconfigured service fails loudly instead of being treated as a browser.
 */
export function internalCallerCheck(expectedToken: string): (req: Request) => boolean {
  const expected = digest(expectedToken);
  return (req) => {
    const sent = req.headers[INTERNAL_TOKEN_HEADER];
    if (sent === undefined) return false;
    if (typeof sent !== 'string' || !timingSafeEqual(digest(sent), expected)) {
      throw new UnauthorizedError(`The ${INTERNAL_TOKEN_HEADER} header is not valid`);
    }
    return true;
  };
}

/** Marks `req.internalCaller` when the internal token is present and right; 401 when present and wrong. */
export function identifyInternalCaller(expectedToken: string): RequestHandler {
  const check = internalCallerCheck(expectedToken);
  return (req, _res, next) => {
    try {
      req.internalCaller = check(req);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Only services: 401 without the right internal token. */
export function requireInternalCaller(expectedToken: string): RequestHandler {
  const check = internalCallerCheck(expectedToken);
  return (req, _res, next) => {
    try {
      next(check(req) ? undefined : new UnauthorizedError(`This endpoint needs the ${INTERNAL_TOKEN_HEADER} header`));
    } catch (error) {
      next(error);
    }
  };
}
