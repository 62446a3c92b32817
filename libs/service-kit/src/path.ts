/**
 * The path of a request target, without its query string (`/api/x?y=1` →
 * `/api/x`; no URL → `/`). A string slice, not a URL parse: the gateway's
 * proxy hot path calls it on every request.
 */
export function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
