import client from 'prom-client';
import type { Request, RequestHandler } from 'express';

export interface ServiceMetrics {
  /** This service's own registry (not prom-client's global one), so one process can hold several services. */
  registry: client.Registry;
  /** http_request_duration_seconds{method, route, status_code}; raw handlers record into it too. */
  httpRequestDuration: client.Histogram<'method' | 'route' | 'status_code'>;
}

export function createMetrics(serviceName: string): ServiceMetrics {
  const registry = new client.Registry();
  registry.setDefaultLabels({ service: serviceName });
  client.collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpRequestDuration };
}

/**
 * The route template (e.g. /api/questions/:id) — never the raw URL, which would
 * give every id its own time series. Requests no route matched are 'unmatched'.
 */
export function routeTemplate(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (!route || typeof route.path !== 'string') return 'unmatched';
  return `${req.baseUrl}${route.path}` || '/';
}

export function metricsMiddleware(metrics: ServiceMetrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpRequestDuration.startTimer();
    res.once('finish', () => {
      end({ method: req.method, route: routeTemplate(req), status_code: String(res.statusCode) });
    });
    next();
  };
}
