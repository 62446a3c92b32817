/**
 * Where the browser opens the gateway's WebSockets. They go straight to the
 * gateway's public URL (docs/architecture.md, "Public API"), not through the Next rewrite:
 * `NEXT_PUBLIC_GATEWAY_WS_URL` (baked in at build, e.g. `wss://peerprep.example`)
 * or, by default, the gateway's port on the host that served the page.
 */
export function gatewayWsBase(location: Pick<Location, 'protocol' | 'hostname'>, configured?: string): string {
  return configured?.trim()
    ? configured.trim().replace(/\/+$/, '')
    : `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.hostname}:3001`;
}

/** The live match status socket. */
export function matchEventsUrl(location: Pick<Location, 'protocol' | 'hostname'>, configured?: string): string {
  return `${gatewayWsBase(location, configured)}/api/match/events`;
}

/** The subprotocols that carry the access token (a browser cannot set headers on a WebSocket). */
export function matchEventsProtocols(accessToken: string): string[] {
  return ['peerprep', `bearer.${accessToken}`];
}
