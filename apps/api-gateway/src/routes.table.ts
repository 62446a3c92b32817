import type { GatewayConfig } from '@peerprep/api-gateway-config';

export type UpstreamService = 'user-service' | 'question-service' | 'matching-service' | 'collaboration-service';

export interface GatewayRoute {
  /** Public path prefix; forwarded unchanged (services serve the same /api/... paths). */
  prefix: string;
  service: UpstreamService;
  /** Plain HTTP requests are proxied. */
  http: boolean;
  /** WebSocket upgrades are proxied. */
  websocket: boolean;
}

/**
 * The one table of what the gateway exposes. Only /api prefixes appear here, so
 * a service's /internal/... routes can never be reached from outside.
 */
export const ROUTES: readonly GatewayRoute[] = [
  { prefix: '/api/auth', service: 'user-service', http: true, websocket: false },
  { prefix: '/api/users', service: 'user-service', http: true, websocket: false },
  { prefix: '/api/questions', service: 'question-service', http: true, websocket: false },
  { prefix: '/api/topics', service: 'question-service', http: true, websocket: false },
  { prefix: '/api/match', service: 'matching-service', http: true, websocket: true },
  { prefix: '/api/rooms', service: 'collaboration-service', http: true, websocket: false },
  { prefix: '/api/history', service: 'collaboration-service', http: true, websocket: false },
  { prefix: '/api/runs', service: 'collaboration-service', http: true, websocket: false },
  { prefix: '/api/feedback', service: 'collaboration-service', http: true, websocket: false },
  { prefix: '/api/collab', service: 'collaboration-service', http: false, websocket: true },
];

export function serviceUrls(config: GatewayConfig): Record<UpstreamService, string> {
  return {
    'user-service': config.USER_SERVICE_URL,
    'question-service': config.QUESTION_SERVICE_URL,
    'matching-service': config.MATCHING_SERVICE_URL,
    'collaboration-service': config.COLLABORATION_SERVICE_URL,
  };
}

/** The route whose prefix is the path or a whole-segment ancestor of it (/api/match, not /api/matchmaker). */
export function findRoute(path: string, routes: readonly GatewayRoute[] = ROUTES): GatewayRoute | undefined {
  for (const route of routes) {
    if (path === route.prefix || (path.startsWith(route.prefix) && path.charCodeAt(route.prefix.length) === 47)) {
      return route;
    }
  }
  return undefined;
}

// "/api/questions/../../internal/x" must not reach an upstream that would
// normalise it into an internal route; plain or percent-encoded dot segments are refused.
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

export function hasDotSegment(path: string): boolean {
  return DOT_SEGMENT.test(path);
}
