/**
 * Loaded into every jest test file by jest.preset.cjs (setupFilesAfterEnv).
 * In the tests of the backend apps (see servesPublicApi), every supertest
 * response to a path under /api is checked against the generated OpenAPI
 * document, so no test file has to ask for it. Lazy: supertest is patched
 * only when a test file loads it, and the document is built on first use.
 */
import { expect, jest } from '@jest/globals';
import type * as Conformance from '../openapi-conformance';
import { servesPublicApi } from './public-api-tests';

if (servesPublicApi(expect.getState().testPath)) {
  jest.mock('supertest', () => {
    const supertest = jest.requireActual<typeof import('supertest')>('supertest');
    const { checkSupertestResponses } = jest.requireActual<typeof Conformance>('../openapi-conformance');
    checkSupertestResponses(supertest.Test as unknown as Parameters<typeof Conformance.checkSupertestResponses>[0]);
    return supertest;
  });
}
