import path from 'node:path';
import express from 'express';
import supertest from 'supertest';
import { servesPublicApi } from './jest/public-api-tests';
import { apiConformance, checkSupertestResponses } from './openapi-conformance';

const WORKSPACE = path.resolve(__dirname, '../../..');

describe('supertest responses checked against the OpenAPI document', () => {
  const app = express();
  app.get('/api/topics', (req, res) => {
    if (req.query['bad'] === 'body') res.json({ items: 'nope', total: 0 });
    else if (req.query['bad'] === 'status') res.status(418).json({});
    else res.json({ items: [], total: 0 });
  });
  app.get('/healthz', (_req, res) => res.json({ anything: 'goes' }));

  beforeAll(() => checkSupertestResponses(supertest.Test as unknown as Parameters<typeof checkSupertestResponses>[0]));

  it('lets a conforming response through', async () => {
    const res = await supertest(app).get('/api/topics').expect(200);
    expect(res.body).toEqual({ items: [], total: 0 });
  });

  it('fails the request on a body that breaks the document, naming the operation', async () => {
    await expect(supertest(app).get('/api/topics?bad=body')).rejects.toThrow(
      /breaks the OpenAPI document: GET \/api\/topics → 200 \(listTopics\)\n {2}- body does not match #\/components\/schemas\/TopicsResponse: \/items must be array/,
    );
  });

  it('fails an undocumented status, through .expect() and callbacks alike', async () => {
    await expect(supertest(app).get('/api/topics?bad=status').expect(418)).rejects.toThrow(/status 418 is not documented/);
    const error = await new Promise<Error | null>((resolve) => supertest(app).get('/api/topics?bad=status').end((err) => resolve(err)));
    expect(error?.message).toMatch(/status 418 is not documented/);
  });

  it("reports the test's own failed expectation first", async () => {
    await expect(supertest(app).get('/api/topics?bad=status').expect(200)).rejects.toThrow('expected 200 "OK", got 418');
  });

  it('leaves routes outside /api alone', async () => {
    await supertest(app).get('/healthz').expect(200, { anything: 'goes' });
  });

  it('patches once however often it is asked', () => {
    const prototype = supertest.Test.prototype as unknown as { assert: unknown };
    const before = prototype.assert;
    checkSupertestResponses(supertest.Test as unknown as Parameters<typeof checkSupertestResponses>[0]);
    expect(prototype.assert).toBe(before);
    expect(apiConformance()).toBe(apiConformance());
  });
});

describe('servesPublicApi', () => {
  it.each([
    ['apps/user-service/src/auth/auth.int.spec.ts', true],
    ['apps/api-gateway/src/app.int.spec.ts', true],
    ['apps/frontend/src/lib/api-client.spec.ts', false],
    ['libs/service-kit/src/problems.spec.ts', false],
    ['libs/testing/src/openapi-conformance.spec.ts', false],
  ])('%s → %s (backend apps serve the public API; libraries test toy apps)', (file, expected) => {
    expect(servesPublicApi(path.join(WORKSPACE, file))).toBe(expected);
  });

  it('is off without a test path', () => {
    expect(servesPublicApi(undefined)).toBe(false);
  });
});
