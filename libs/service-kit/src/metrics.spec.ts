import express from 'express';
import request from 'supertest';
import { startTestService, stopAllServices } from '../test/helpers';

afterEach(stopAllServices);

function itemsRoutes(app: express.Express) {
  const router = express.Router();
  router.get('/:id', (req, res) => res.json({ id: req.params.id }));
  app.use('/api/items', router);
}

/** The value of the one sample of `metric` carrying all the given labels. */
function sampleValue(text: string, metric: string, labels: Record<string, string>): number | undefined {
  const lines = text
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`))
    .filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)));
  if (lines.length !== 1) return undefined;
  return Number(lines[0].split(' ').pop());
}

describe('/metrics', () => {
  it('exposes default process metrics in Prometheus text format', async () => {
    const { url } = await startTestService();
    const res = await request(url).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^process_cpu_user_seconds_total\{service="test-service"\} /m);
    expect(res.text).toMatch(/^nodejs_eventloop_lag_seconds/m);
  });

  it('records request durations by route template, never by raw URL', async () => {
    const { url } = await startTestService({ routes: itemsRoutes });
    await request(url).get('/api/items/42').expect(200);
    await request(url).get('/api/items/43').expect(200);
    await request(url).get('/api/unknown/99').expect(404);
    const text = (await request(url).get('/metrics')).text;
    expect(sampleValue(text, 'http_request_duration_seconds_count', { route: '/api/items/:id', status_code: '200' })).toBe(2);
    expect(sampleValue(text, 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' })).toBe(1);
    expect(sampleValue(text, 'http_request_duration_seconds_bucket', { route: '/api/items/:id', le: '+Inf' })).toBe(2);
    expect(text).not.toContain('/api/items/42');
    expect(text).not.toContain('/api/unknown');
  });

  it('keeps one registry per service, so two services in one process do not mix', async () => {
    const first = await startTestService({ routes: itemsRoutes });
    const second = await startTestService({ routes: itemsRoutes });
    await request(first.url).get('/api/items/1').expect(200);
    const secondText = (await request(second.url).get('/metrics')).text;
    expect(secondText).not.toContain('route="/api/items/:id"');
    const firstText = (await request(first.url).get('/metrics')).text;
    expect(firstText).toContain('route="/api/items/:id"');
  });
});
