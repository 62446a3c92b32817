import http from 'node:http';
import type { Duplex } from 'node:stream';
import { sendProblem, type Logger, type ServiceMetrics } from '@peerprep/service-kit';
import { createProxyServer, type ProxyServer } from 'http-proxy-3';
import type { GatewayConfig } from '@peerprep/api-gateway-config';
import { serviceUrls, type GatewayRoute, type UpstreamService } from './routes.table';

export interface Upstreams {
  web(req: http.IncomingMessage, res: http.ServerResponse, route: GatewayRoute): void;
  ws(req: http.IncomingMessage, socket: Duplex, head: Buffer, route: GatewayRoute): void;
  close(): void;
}

/** Ends a not-yet-upgraded socket with a plain HTTP problem response. */
export function rejectUpgrade(socket: Duplex, status: number, detail: string, requestId: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({
    type: 'about:blank',
    title: http.STATUS_CODES[status],
    status,
    detail,
    requestId,
  });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\n\r\n${body}`,
  );
}

/**
 * One proxy per upstream service, all sharing one keep-alive agent: the hot
 * path reuses warm connections instead of a TCP handshake per request.
 */
export function createUpstreams(config: GatewayConfig, logger: Logger, metrics: ServiceMetrics): Upstreams {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: 1024,
    maxFreeSockets: 128,
    // Below the services' 65 s keep-alive, so the gateway drops an idle
    // connection before the service does and never writes into a closing one.
    timeout: 30_000,
  });
  // Requests whose upstream stayed silent past PROXY_TIMEOUT_MS: their error becomes 504, not 502.
  const timedOut = new WeakSet<http.IncomingMessage>();
  const urls = serviceUrls(config);
  const proxies = new Map<UpstreamService, ProxyServer>();
  // No xfwd: it would append to whatever X-Forwarded-* the client sent;
  // forwarding.ts has already written the ones a service may believe.
  for (const [service, target] of Object.entries(urls) as [UpstreamService, string][]) {
    const proxy = createProxyServer({ target, agent, xfwd: false, ws: true });
    proxy.on('proxyReq', (proxyReq, req) => {
      proxyReq.setTimeout(config.PROXY_TIMEOUT_MS, () => {
        timedOut.add(req);
        proxyReq.destroy();
      });
    });
    // http-proxy-3 re-emits a WebSocket client's socket errors (a browser tab
    // vanishing mid-stream: ECONNRESET) as the proxy's 'error', whatever
    // callback was passed, and throws when nobody else listens: without this
    // listener one reset connection crashes the gateway.
    proxy.on('error', (error, req) => {
      logger.debug({ err: error, reqId: (req as http.IncomingMessage | undefined)?.id, service }, 'proxied connection error');
    });
    proxies.set(service, proxy);
  }

  function onWebError(error: Error, req: http.IncomingMessage, res: http.ServerResponse, route: GatewayRoute) {
    const slow = timedOut.has(req);
    const status = slow ? 504 : 502;
    logger.warn(
      { err: error, reqId: req.id, service: route.service, url: req.url, status },
      slow ? 'upstream timed out' : 'upstream failed',
    );
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    sendProblem(res, status, undefined, {
      detail: slow
        ? `${route.service} did not answer within ${config.PROXY_TIMEOUT_MS} ms`
        : `${route.service} is unavailable`,
    });
  }

  return {
    web(req, res, route) {
      const stopTimer = metrics.httpRequestDuration.startTimer();
      res.once('finish', () => {
        stopTimer({ method: req.method ?? 'GET', route: `${route.prefix}/*`, status_code: String(res.statusCode) });
      });
      proxies.get(route.service)?.web(req, res, (error) => onWebError(error, req, res as http.ServerResponse, route));
    },
    ws(req, socket, head, route) {
      proxies.get(route.service)?.ws(req, socket, head, (error) => {
        logger.warn({ err: error, reqId: req.id, service: route.service, url: req.url }, 'upstream WebSocket failed');
        rejectUpgrade(socket, 502, `${route.service} is unavailable`, String(req.id));
      });
    },
    close() {
      for (const proxy of proxies.values()) proxy.close();
      agent.destroy();
    },
  };
}
