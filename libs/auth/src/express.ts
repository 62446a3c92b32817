import { ForbiddenError, UnauthorizedError } from '@peerprep/service-kit';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { extractBearerToken } from './token-extraction';
import type { AuthenticatedUser } from './tokens';
import type { TokenVerifier } from './verifier';

declare global {
  // Express's own extension point for request and locals typings.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by requireAuth / requireAdmin / optionalAuth when the request carries a valid token. */
      user?: AuthenticatedUser;
    }
    interface Locals {
      user?: AuthenticatedUser;
    }
  }
}

// RFC 6750 §3: a 401 for a bearer-protected resource names the scheme.
function challenge(res: Response, hadToken: boolean): void {
  res.setHeader('www-authenticate', hadToken ? 'Bearer error="invalid_token"' : 'Bearer');
}

type Policy = 'required' | 'admin' | 'optional';

function authMiddleware(verifier: TokenVerifier, policy: Policy): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const token = extractBearerToken(header);
    if (!token) {
      // A present but malformed header is an error even where auth is optional.
      if (policy === 'optional' && header === undefined) {
        next();
        return;
      }
      challenge(res, header !== undefined);
      next(new UnauthorizedError());
      return;
    }
    verifier.verify(token).then(
      (user) => {
        req.user = user;
        res.locals.user = user;
        if (policy === 'admin' && user.role !== 'ADMIN') {
          next(new ForbiddenError('Only administrators can do this'));
          return;
        }
        next();
      },
      (error: unknown) => {
        if (error instanceof UnauthorizedError) challenge(res, true);
        next(error);
      },
    );
  };
}

/** 401 unless the request carries a valid access token; sets `req.user` and `res.locals.user`. */
export function requireAuth(verifier: TokenVerifier): RequestHandler {
  return authMiddleware(verifier, 'required');
}

/** 401 without a valid token, 403 when the user is not an ADMIN. */
export function requireAdmin(verifier: TokenVerifier): RequestHandler {
  return authMiddleware(verifier, 'admin');
}

/**
 * The caller of a route behind requireAuth / requireAdmin, as the middleware
 * put it on the request; UnauthorizedError (401) if none ran.
 */
export function signedInUser(req: Request): AuthenticatedUser {
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}

/**
 * Anonymous requests pass with no `req.user`; a request that sends a token
 * must send a valid one (401 otherwise), so a stale token is never silently
 * treated as anonymous.
 */
export function optionalAuth(verifier: TokenVerifier): RequestHandler {
  return authMiddleware(verifier, 'optional');
}
