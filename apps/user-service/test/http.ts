import { REFRESH_COOKIE_NAME, SESSION_HINT_COOKIE_NAME, type TokenResponse } from '@peerprep/contracts';
import { assertConformingApiResponse } from '@peerprep/testing';

// Tests read arbitrary JSON answers (bodies and problems) field by field, and
// assert their shape with expect(); typing each one up front would only add noise.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = any;

export interface ApiResponse<T = AnyJson> {
  status: number;
  headers: Headers;
  body: T;
  /** The refresh cookie this response set, if any ('' when it cleared it). */
  refreshCookie: string | undefined;
  /** The full Set-Cookie line of the refresh cookie. */
  refreshCookieLine: string | undefined;
  /** The full Set-Cookie line of the session hint (set and cleared with the refresh cookie). */
  sessionHintLine: string | undefined;
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  refreshCookie?: string;
  headers?: Record<string, string>;
}

/**
 * One HTTP call to a running service, JSON in and out, with the refresh cookie
 * handled by hand. The answer is checked against the OpenAPI document first.
 */
export async function call<T = AnyJson>(baseUrl: string, method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  if (opts.refreshCookie !== undefined) headers['cookie'] = `${REFRESH_COOKIE_NAME}=${opts.refreshCookie}`;
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  // Every answer a test sees must be one the OpenAPI document describes.
  assertConformingApiResponse({ method, url: path, status: res.status, headers: Object.fromEntries(res.headers), bodyText: text });
  const line = res.headers.getSetCookie().find((cookie) => cookie.startsWith(`${REFRESH_COOKIE_NAME}=`));
  return {
    status: res.status,
    headers: res.headers,
    body: text ? JSON.parse(text) : undefined,
    refreshCookieLine: line,
    sessionHintLine: res.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_HINT_COOKIE_NAME}=`)),
    refreshCookie: line === undefined ? undefined : decodeURIComponent(line.slice(REFRESH_COOKIE_NAME.length + 1).split(';')[0] ?? ''),
  };
}

let counter = 0;

/** A fresh, valid sign-up body; `tag` keeps names readable in failures. */
export function newAccount(tag = 'user') {
  counter += 1;
  const suffix = `${Date.now().toString(36).slice(-5)}${counter}`;
  const username = `${tag}_${suffix}`.slice(0, 20);
  return { username, email: `${username}@example.com`, password: `pw-${suffix}-long-enough` };
}

export interface SignedInAccount {
  id: string;
  username: string;
  email: string;
  password: string;
  accessToken: string;
  refreshCookie: string;
  tokens: TokenResponse;
}

export async function signUp(baseUrl: string, tag = 'user', headers?: Record<string, string>): Promise<SignedInAccount> {
  const account = newAccount(tag);
  const res = await call<TokenResponse>(baseUrl, 'POST', '/api/auth/signup', { body: account, headers });
  if (res.status !== 201 || !res.refreshCookie) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...account, id: res.body.user.id, accessToken: res.body.accessToken, refreshCookie: res.refreshCookie, tokens: res.body };
}
