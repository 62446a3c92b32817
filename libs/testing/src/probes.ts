import request from 'supertest';

/**
 * The observability contract every backend service keeps (service kit):
 * alive, ready with each named dependency up, Prometheus metrics, and a
 * problem+json 404. Service tests call this against their started app.
 */
export async function expectStandardProbes(url: string, dependencies: string[]): Promise<void> {
  await request(url).get('/healthz').expect(200, { status: 'ok' });

  const ready = await request(url).get('/readyz');
  if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}: ${JSON.stringify(ready.body)}`);
  const expected = Object.fromEntries(dependencies.map((name) => [name, 'up']));
  if (JSON.stringify(ready.body.checks) !== JSON.stringify(expected)) {
    throw new Error(`/readyz checks ${JSON.stringify(ready.body.checks)}, expected ${JSON.stringify(expected)}`);
  }

  const metrics = await request(url).get('/metrics').expect(200);
  for (const metric of ['process_cpu_user_seconds_total', 'http_request_duration_seconds']) {
    if (!metrics.text.includes(metric)) throw new Error(`/metrics lacks ${metric}`);
  }

  const missing = await request(url).get('/api/no-such-route').expect(404);
  if (!/application\/problem\+json/.test(String(missing.headers['content-type']))) {
    throw new Error(`404 is not problem+json: ${missing.headers['content-type']}`);
  }
}
