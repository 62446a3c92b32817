import type { Route } from 'next';

/** A stand-in origin: only a path that stays on it is same-site. */
const PROBE_ORIGIN = 'https://peerprep.invalid';

/**
 * The `?next=` return path of the login page, or `fallback` when it is not a
 * plain path on this site. Rejects absolute URLs, protocol-relative `//host`,
 * `/\host` (browsers read a backslash as a slash), control characters and
 * anything else that a browser would resolve to another origin: an open
 * redirect would let a phishing link send a fresh session anywhere.
 */
export function safeNextPath(raw: string | null | undefined, fallback: Route = '/'): Route {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  // The auth pages themselves are no destination after signing in.
  if (url.pathname === '/login' || url.pathname === '/signup') return fallback;
  return `${url.pathname}${url.search}${url.hash}` as Route;
}

/** The login page that returns to `path` afterwards (`/` needs no `next`). */
export function loginPathFor(path: string): Route {
  const next = safeNextPath(path);
  return (next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`) as Route;
}
