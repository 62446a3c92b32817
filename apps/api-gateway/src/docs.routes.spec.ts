import express from 'express';
import request from 'supertest';
import { mountDocsRoutes } from './docs.routes';

function docsApp(trustProxy: boolean | string) {
  const app = express();
  app.set('trust proxy', trustProxy);
  mountDocsRoutes(app);
  return app;
}

describe('GET /api/docs/openapi.json server URL', () => {
  it("takes the proxy's X-Forwarded-Proto and -Host when trust proxy trusts the peer", async () => {
    const res = await request(docsApp('loopback'))
      .get('/api/docs/openapi.json')
      .set('x-forwarded-proto', 'https')
      .set('x-forwarded-host', 'peerprep.example, inner.proxy');
    expect(res.body.servers).toEqual([{ url: 'https://peerprep.example/api' }]);
  });

  it('ignores forwarded headers from a peer it does not trust: the Host it was reached at', async () => {
    const res = await request(docsApp(false))
      .get('/api/docs/openapi.json')
      .set('host', 'api.peerprep.test:8080')
      .set('x-forwarded-proto', 'https')
      .set('x-forwarded-host', 'evil.example');
    expect(res.body.servers).toEqual([{ url: 'http://api.peerprep.test:8080/api' }]);
  });

  it('leaves the rest of the document as generated', async () => {
    const res = await request(docsApp(false)).get('/api/docs/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/auth/refresh']).toBeDefined();
  });
});
