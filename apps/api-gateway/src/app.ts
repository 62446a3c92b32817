import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { createRevocationList, tokenVerifierFromConfig, type TokenVerifier } from '@peerprep/auth';
import {
  createService,
  pathOf,
  proxyTrust,
  rateLimitSubject,
  redisDependency,
  REQUEST_ID_HEADER,
  resolveRequestId,
  sendProblem,
  type Logger,
  type Service,
} from '@peerprep/service-kit';
import cors from 'cors';
import type { Redis } from 'ioredis';
import type { GatewayConfig } from '@peerprep/api-gateway-config';
import { mountDocsRoutes } from './docs.routes';
import { createEdgeAuth, type EdgeAuthOutcome } from './edge-auth';
import { prepareForwarding } from './forwarding';
import { createUpstreams, rejectUpgrade } from './proxy';
import { createRateLimiter } from './rate-limit';
import { findRoute, hasDotSegment } from './routes.table';

export interface AppDeps {
  config: GatewayConfig;
  /** Rate-limit counters; /readyz checks it and shutdown closes it. */
  redis: Redis;
  /** Defaults to the service kit's logger (LOG_LEVEL, pretty in development). */
  logger?: Logger;
  /** Defaults to one built from AUTH_JWKS_URL / AUTH_PUBLIC_KEY. */
  verifier?: TokenVerifier;
}

/**
 * The gateway: a proxy hot path on plain node:http (request id, CORS, rate
 * limit, proxy) for every prefix in the routes table, and Express only for its
 * own routes (docs, probes, metrics, 404) — Express's router costs more per
 * request than the proxying itself.
 */
export function createApp(deps: AppDeps): Service {
  const { config } = deps;
  const allowedOrigins = new Set(config.CORS_ORIGINS);
  // A static origin list keeps the cors middleware synchronous, which the raw
  // handler relies on to know before returning whether it answered a preflight.
  const applyCors = cors({
    origin: config.CORS_ORIGINS,
    credentials: true,
    maxAge: 600,
    exposedHeaders: [REQUEST_ID_HEADER, 'retry-after', 'location'],
  });
  const consumeRateLimit = createRateLimiter({
    redis: deps.redis,
    points: config.RATE_LIMIT_POINTS,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    keyPrefix: config.REDIS_KEY_PREFIX,
  });

  // Whose X-Forwarded-For entry names the client: TRUSTED_PROXY_HOPS hops, each from a TRUST_PROXY address.
  const trust = proxyTrust(config.TRUST_PROXY, config.TRUSTED_PROXY_HOPS);

  function assignRequestId(req: http.IncomingMessage): string {
    const id = resolveRequestId(req);
    req.id = id;
    req.headers[REQUEST_ID_HEADER] = id;
    return id;
  }

  function refuseHttp(res: http.ServerResponse, outcome: Exclude<EdgeAuthOutcome, { allowed: true }>): void {
    sendProblem(res, outcome.status, undefined, {
      detail: outcome.detail,
      headers: outcome.status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {},
    });
  }

  function proxyHttp(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    res.setHeader(REQUEST_ID_HEADER, assignRequestId(req));
    let corsPassed = false;
    applyCors(req, res, () => (corsPassed = true));
    if (!corsPassed) return true; // a preflight, answered by cors

    const path = pathOf(req.url);
    const route = findRoute(path);
    if (!route?.http) return false; // the gateway's own routes, or Express's 404
    if (hasDotSegment(path)) {
      sendProblem(res, 400, undefined, { detail: 'Dot segments are not allowed in the path' });
      return true;
    }
    // Started alongside the rate limit so the two waits overlap; the rate limit still answers first.
    const tokenCheck = edgeAuth.checkRequest(req);
    consumeRateLimit(rateLimitSubject(prepareForwarding(req, trust))).then(
      (decision) => {
        if (!decision.allowed) {
          sendProblem(res, 429, undefined, {
            detail: 'Too many requests from this address; retry after the Retry-After delay',
            headers: { 'retry-after': decision.retryAfterSeconds },
          });
          return;
        }
        if (!tokenCheck) {
          upstreams.web(req, res, route);
          return;
        }
        void tokenCheck.then((outcome) => {
          if (outcome.allowed) upstreams.web(req, res, route);
          else refuseHttp(res, outcome);
        });
      },
      (error: unknown) => {
        service.logger.error({ err: error, reqId: req.id }, 'rate limiter failed');
        sendProblem(res, 503, undefined, { detail: 'The rate limiter is unavailable' });
      },
    );
    return true;
  }

  function proxyUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const requestId = assignRequestId(req);
    socket.on('error', (error) => service.logger.debug({ err: error, reqId: requestId }, 'client socket error'));
    const path = pathOf(req.url);
    const route = findRoute(path);
    if (!route?.websocket || hasDotSegment(path)) {
      rejectUpgrade(socket, 404, `No WebSocket route for ${path}`, requestId);
      return;
    }
    // Browsers always send Origin on WebSockets and CORS does not apply to them:
    // refusing foreign origins here stops cross-site WebSocket hijacking.
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      rejectUpgrade(socket, 403, `Origin ${origin} is not allowed`, requestId);
      return;
    }
    const tokenCheck = edgeAuth.checkUpgrade(req);
    consumeRateLimit(rateLimitSubject(prepareForwarding(req, trust))).then(
      (decision) => {
        if (!decision.allowed) {
          rejectUpgrade(socket, 429, 'Too many requests from this address', requestId);
          return;
        }
        if (!tokenCheck) {
          upstreams.ws(req, socket, head, route);
          return;
        }
        void tokenCheck.then((outcome) => {
          if (outcome.allowed) upstreams.ws(req, socket, head, route);
          else rejectUpgrade(socket, outcome.status, outcome.detail, requestId);
        });
      },
      (error: unknown) => {
        service.logger.error({ err: error, reqId: requestId }, 'rate limiter failed');
        rejectUpgrade(socket, 503, 'The rate limiter is unavailable', requestId);
      },
    );
  }

  // Revoked tokens (sign-out, password or role change, deletion) are refused at the edge within a second.
  const revocations = createRevocationList({ redis: deps.redis, prefix: config.AUTH_REVOCATION_PREFIX });
  const service: Service = createService({
    name: 'api-gateway',
    config,
    logger: deps.logger,
    dependencies: [redisDependency(deps.redis)],
    routes: mountDocsRoutes,
    rawHandler: proxyHttp,
    onUpgrade: proxyUpgrade,
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    onShutdown: async () => {
      await upstreams.close();
      await revocations.close();
    },
  });
  const upstreams = createUpstreams(config, service.logger, service.metrics);
  const edgeAuth = createEdgeAuth(deps.verifier ?? tokenVerifierFromConfig(config, { revocations }), service.logger);
  return service;
}
