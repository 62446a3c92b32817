import { buildOpenApiDocument } from '@peerprep/contracts/openapi';
import {
  createConformanceChecker,
  type ConformanceChecker,
  type ConformanceResult,
  type ObservedResponse,
} from '@peerprep/contracts/openapi-conformance';

let shared: ConformanceChecker | undefined;

/** The checker for the generated public API document, built on first use (once per test file). */
export function apiConformance(): ConformanceChecker {
  shared ??= createConformanceChecker(buildOpenApiDocument());
  return shared;
}

/** Throws, naming every mismatch, when a response to a public /api route breaks the OpenAPI document. */
export function assertConformingApiResponse(response: ObservedResponse): ConformanceResult {
  return apiConformance().assertConforms(response);
}

/** What supertest hands its assertions (a superagent response). */
interface SupertestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text?: string;
  body?: unknown;
}

type AssertCallback = (this: unknown, error: Error | null, res?: SupertestResponse) => void;

interface SupertestTestClass {
  prototype: {
    method: string;
    url: string;
    assert(resError: Error | null, res: SupertestResponse | undefined, fn?: AssertCallback): void;
  };
}

const PATCHED = Symbol.for('peerprep.openapiConformance');

function bodyTextOf(res: SupertestResponse): string {
  if (typeof res.text === 'string') return res.text;
  if (Buffer.isBuffer(res.body)) return res.body.toString('utf8');
  return res.body === undefined || res.body === null || (typeof res.body === 'object' && Object.keys(res.body).length === 0)
    ? ''
    : JSON.stringify(res.body);
}

/**
 * Makes every supertest request check its response against the OpenAPI
 * document before the test sees it: a mismatch fails the request (the test's
 * own expectation failing first wins, being the more specific message).
 */
export function checkSupertestResponses(Test: SupertestTestClass, checker: () => ConformanceChecker = apiConformance): void {
  const prototype = Test.prototype as SupertestTestClass['prototype'] & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  prototype[PATCHED] = true;
  const assert = prototype.assert;
  prototype.assert = function assertWithConformance(resError, res, fn) {
    let mismatch: Error | undefined;
    if (res) {
      try {
        checker().assertConforms({ method: this.method, url: this.url, status: res.status, headers: res.headers, bodyText: bodyTextOf(res) });
      } catch (error) {
        mismatch = error as Error;
      }
    }
    if (!mismatch) return assert.call(this, resError, res, fn);
    const failWith = mismatch;
    return assert.call(this, resError, res, function (this: unknown, error, response) {
      fn?.call(this, error ?? failWith, response);
    });
  };
}
