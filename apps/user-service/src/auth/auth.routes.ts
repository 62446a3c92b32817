import { JWKS_PATH } from '@peerprep/auth';
import { loginRequestSchema, signupRequestSchema, type LoginRequest, type SignupRequest } from '@peerprep/contracts';
import { rateLimitSubject, UnauthorizedError, validate } from '@peerprep/service-kit';
import { Router, type Request, type Response } from 'express';
import type { AuthService, SignedIn } from './auth.service';
import {
  clearRefreshCookie,
  clearSessionHint,
  hasSessionHint,
  readRefreshCookie,
  setRefreshCookie,
  type RefreshCookieSettings,
} from './refresh-cookie';
import type { SigningKey } from './signing-key';

export interface AuthRoutesDeps {
  auth: AuthService;
  signingKey: SigningKey;
  cookie: RefreshCookieSettings;
}

function clientIp(req: Request): string {
  // req.ip is the one address the gateway vouched for (TRUST_PROXY), or the
  // socket peer; an IPv6 client counts by its /64.
  return rateLimitSubject(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

/** POST /api/auth/{signup,login,refresh,logout} and GET /api/auth/jwks.json. */
export function authRoutes({ auth, signingKey, cookie }: AuthRoutesDeps): Router {
  const router = Router();

  const sendSignedIn = (res: Response, status: number, { body, session }: SignedIn) => {
    setRefreshCookie(res, session.refreshToken, cookie);
    // Tokens must never sit in a shared or browser cache.
    res.setHeader('cache-control', 'no-store');
    res.status(status).json(body);
  };

  router.post('/api/auth/signup', validate(signupRequestSchema, 'body'), async (req, res) => {
    sendSignedIn(res, 201, await auth.signup(req.body as SignupRequest, clientIp(req)));
  });

  router.post('/api/auth/login', validate(loginRequestSchema, 'body'), async (req, res) => {
    sendSignedIn(res, 200, await auth.login(req.body as LoginRequest, clientIp(req)));
  });

  router.post('/api/auth/refresh', async (req, res) => {
    const presented = readRefreshCookie(req);
    if (!presented) {
      // Every page load asks; a visitor without a session is a normal state,
      // not an error (no red 401 in the console): 204, signed out. A hint
      // that outlived its cookie goes too, so the page stops asking.
      if (hasSessionHint(req)) clearSessionHint(res, cookie);
      res.setHeader('cache-control', 'no-store');
      res.status(204).end();
      return;
    }
    try {
      sendSignedIn(res, 200, await auth.refresh(presented, clientIp(req)));
    } catch (error) {
      // A dead session's cookie is useless; drop it so the browser stops
      // sending it (but keep it through a rate limit or an outage).
      if (error instanceof UnauthorizedError) clearRefreshCookie(res, cookie);
      throw error;
    }
  });

  router.post('/api/auth/logout', async (req, res) => {
    await auth.logout(readRefreshCookie(req));
    clearRefreshCookie(res, cookie);
    res.status(204).end();
  });

  router.get(JWKS_PATH, (_req, res) => {
    // Verifiers cache the key set; a short max-age lets a key rotation reach them soon.
    res.setHeader('cache-control', 'public, max-age=300');
    res.json({ keys: [signingKey.publicJwk] });
  });

  return router;
}
