import http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { answerClientError } from './client-error';
import type { BaseConfig } from './config';
import { notFoundHandler, problemErrorHandler } from './error-handler';
import { createLogger, type Logger } from './logger';
import { createMetrics, metricsMiddleware, type ServiceMetrics } from './metrics';
import { pathOf } from './path';
import { mountProbes, PROBE_PATHS } from './probes';
import { DEFAULT_CHECK_TIMEOUT_MS, type DependencyCheck } from './readiness';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';

export interface ServiceOptions {
  name: string;
  config: BaseConfig;
  /** Defaults to a pino logger at LOG_LEVEL, pretty in development. */
  logger?: Logger;
  /**
   * Defaults to `createMetrics(name)`. Pass one made first when something
   * built before the service registers into it (a WebSocket hub whose
   * channel the routes need).
   */
  metrics?: ServiceMetrics;
  dependencies?: DependencyCheck[];
  /** Feature routes: mounted after the common middleware, before the 404 and error handlers. */
  routes?: (app: express.Express) => void;
  /** A hot path run before Express (the gateway proxy); returns true when it handled the request. */
  rawHandler?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  /** WebSocket upgrades. */
  onUpgrade?: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
  /**
   * Called once the server stopped accepting, while in-flight requests drain:
   * the place to close long-lived connections politely (WebSocket close 1001),
   * which would otherwise be cut when the drain times out.
   */
  onDrainStart?: () => void | Promise<void>;
  /** Extra cleanup after the server stopped, before dependencies close. */
  onShutdown?: () => Promise<void>;
  /** Bound for each dependency check in /readyz (default 2 s). */
  readinessTimeoutMs?: number;
  /**
   * Express `trust proxy`: whose X-Forwarded-For to believe for req.ip.
   * Default: private networks (compose, Kubernetes), never the open internet.
   */
  trustProxy?: boolean | number | string;
}

export interface Service {
  readonly name: string;
  readonly app: express.Express;
  readonly server: http.Server;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  start(): Promise<{ port: number; url: string }>;
  stop(reason?: string): Promise<void>;
  /** Started and not shutting down (dependencies are /readyz's business). */
  isReady(): boolean;
}

function buildApp(opts: ServiceOptions, logger: Logger, metrics: ServiceMetrics, isShuttingDown: () => boolean) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? 'loopback, linklocal, uniquelocal');

  app.use((req, res, next) => {
    // The raw path may already have assigned one.
    const id = typeof req.id === 'string' ? req.id : resolveRequestId(req);
    req.id = id;
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => req.id,
      autoLogging: { ignore: (req) => PROBE_PATHS.has(pathOf(req.url)) },
      customLogLevel: (_req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return 'info';
      },
    }),
  );
  app.use(metricsMiddleware(metrics));
  app.use(helmet());
  mountProbes(app, {
    dependencies: opts.dependencies ?? [],
    metrics,
    checkTimeoutMs: opts.readinessTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    isShuttingDown,
  });
  app.use(express.json({ limit: opts.config.BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  opts.routes?.(app);
  app.use(notFoundHandler);
  app.use(problemErrorHandler);
  return app;
}

/** One function creates every backend app: the common middleware, probes, metrics, errors and lifecycle. */
export function createService(opts: ServiceOptions): Service {
  const { config } = opts;
  const logger =
    opts.logger ??
    createLogger({ name: opts.name, level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  const metrics = opts.metrics ?? createMetrics(opts.name);
  let started = false;
  let stopping = false;
  let stopPromise: Promise<void> | undefined;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const sockets = new Set<Socket>();

  const app = buildApp(opts, logger, metrics, () => stopping);

  const server = http.createServer((req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    // While draining, answer but do not keep the connection for another request.
    if (stopping) res.setHeader('connection', 'close');
    if (opts.rawHandler?.(req, res)) return;
    app(req, res);
  });
  server.keepAliveTimeout = config.KEEP_ALIVE_TIMEOUT_MS;
  // Must exceed keepAliveTimeout, or a slow next request on a reused connection races the close.
  server.headersTimeout = config.KEEP_ALIVE_TIMEOUT_MS + 1_000;
  server.requestTimeout = Math.max(server.requestTimeout, server.headersTimeout + 1_000);
  // One shared listener ('close' is emitted once): a socket held open for
  // hours (an editor's WebSocket) carries no closure or once-wrapper of ours.
  function forgetSocket(this: Socket): void {
    sockets.delete(this);
  }
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', forgetSocket);
  });
  if (opts.onUpgrade) server.on('upgrade', opts.onUpgrade);
  server.on('clientError', answerClientError);

  async function start(): Promise<{ port: number; url: string }> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.PORT, config.HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    started = true;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
    return { port, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
  }

  function waitForInFlight(timeoutMs: number): Promise<boolean> {
    if (inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      drained = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  async function closeServer(): Promise<void> {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    try {
      await opts.onDrainStart?.();
    } catch (error) {
      logger.error({ err: error }, 'onDrainStart failed');
    }
    const finished = await waitForInFlight(config.SHUTDOWN_TIMEOUT_MS);
    if (!finished) logger.warn({ inFlight }, 'shutdown timeout: closing the remaining connections');
    // What remains is idle keep-alive or upgraded (WebSocket) sockets, or requests past the bound.
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  async function runStop(reason: string): Promise<void> {
    logger.info({ reason }, 'shutting down');
    await closeServer();
    try {
      await opts.onShutdown?.();
    } catch (error) {
      logger.error({ err: error }, 'onShutdown failed');
    }
    for (const dependency of opts.dependencies ?? []) {
      try {
        await dependency.close?.();
      } catch (error) {
        logger.error({ err: error, dependency: dependency.name }, 'closing a dependency failed');
      }
    }
    logger.info('stopped');
  }

  return {
    name: opts.name,
    app,
    server,
    logger,
    metrics,
    start,
    stop(reason = 'stop requested') {
      // Readiness fails from the first moment, before anything closes.
      stopping = true;
      stopPromise ??= runStop(reason);
      return stopPromise;
    },
    isReady: () => started && !stopping,
  };
}
