import type { Express } from 'express';
import type { ServiceMetrics } from './metrics';
import { sendProblem } from './problem';
import { checkDependencies, type DependencyCheck } from './readiness';

export const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

interface ProbeOptions {
  dependencies: DependencyCheck[];
  metrics: ServiceMetrics;
  checkTimeoutMs: number;
  isShuttingDown(): boolean;
}

export function mountProbes(app: Express, opts: ProbeOptions): void {
  // Liveness: only says the process can answer; dependencies never fail it,
  // or an outage of Redis would restart every pod.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const report = await checkDependencies(opts.dependencies, opts.checkTimeoutMs);
    // Checked after the dependency checks too: a shutdown that began meanwhile wins.
    if (opts.isShuttingDown()) {
      sendProblem(res, 503, undefined, {
        detail: 'The service is shutting down',
        extensions: { status: 'shutting_down', checks: report.checks },
      });
      return;
    }
    if (!report.ready) {
      sendProblem(res, 503, undefined, {
        detail: `Unavailable dependencies: ${report.down.join(', ')}`,
        extensions: { status: 'not_ready', checks: report.checks, down: report.down },
      });
      return;
    }
    res.json({ status: 'ready', checks: report.checks });
  });

  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', opts.metrics.registry.contentType);
    res.send(await opts.metrics.registry.metrics());
  });
}
