import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH, SESSION_HINT_COOKIE_NAME } from '@peerprep/contracts';
import { parse } from 'cookie';
import type { CookieOptions, Request, Response } from 'express';

export interface RefreshCookieSettings {
  /** Secure everywhere but local development and tests, which run over plain http. */
  secure: boolean;
  /** As long as the refresh token lives. */
  maxAgeMs: number;
}

export function refreshCookieSettings(nodeEnv: string, refreshTokenTtlDays: number): RefreshCookieSettings {
  return { secure: nodeEnv !== 'development' && nodeEnv !== 'test', maxAgeMs: refreshTokenTtlDays * 86_400_000 };
}

function baseOptions({ secure }: RefreshCookieSettings): CookieOptions {
  // Path-scoped to the auth routes: the token is not sent with every API call.
  // SameSite=Lax keeps cross-site POSTs (CSRF) from carrying it.
  return { httpOnly: true, sameSite: 'lax', secure, path: REFRESH_COOKIE_PATH };
}

// The session hint (SESSION_HINT_COOKIE_NAME) lives and dies with the refresh
// cookie; the page reads it (not httpOnly), on every path.
function hintOptions({ secure }: RefreshCookieSettings): CookieOptions {
  return { httpOnly: false, sameSite: 'lax', secure, path: '/' };
}

/** The refresh token, and the hint that tells the page a session exists. */
export function setRefreshCookie(res: Response, token: string, settings: RefreshCookieSettings): void {
  res.cookie(REFRESH_COOKIE_NAME, token, { ...baseOptions(settings), maxAge: settings.maxAgeMs });
  res.cookie(SESSION_HINT_COOKIE_NAME, '1', { ...hintOptions(settings), maxAge: settings.maxAgeMs });
}

export function clearRefreshCookie(res: Response, settings: RefreshCookieSettings): void {
  res.clearCookie(REFRESH_COOKIE_NAME, baseOptions(settings));
  clearSessionHint(res, settings);
}

/** A hint without its refresh cookie (the cookie expired or was deleted) is dropped. */
export function clearSessionHint(res: Response, settings: RefreshCookieSettings): void {
  res.clearCookie(SESSION_HINT_COOKIE_NAME, hintOptions(settings));
}

export function hasSessionHint(req: Request): boolean {
  const header = req.headers.cookie;
  return header ? parse(header)[SESSION_HINT_COOKIE_NAME] !== undefined : false;
}

export function readRefreshCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const value = parse(header)[REFRESH_COOKIE_NAME];
  return value ? value : undefined;
}
