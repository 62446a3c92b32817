/**
 * `test` and `expect` for every spec: @playwright/test's, plus an automatic
 * check that every response to /api/... the test saw, in any page or request
 * context, is one the OpenAPI document describes (status, content type, body).
 * A mismatch fails the test after it ran, listing each one.
 *
 * The checker comes from `@peerprep/contracts/openapi-conformance`, the same
 * one the jest suites use through libs/testing: e2e may import only contracts
 * (module boundaries: type:e2e → type:contracts), so it lives there, as a
 * Node-only entry point the browser bundle never reaches.
 */
import { buildOpenApiDocument } from '@peerprep/contracts/openapi';
import { createConformanceChecker, type ConformanceChecker, type ObservedResponse } from '@peerprep/contracts/openapi-conformance';
import {
  test as base,
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
  type Response,
} from '@playwright/test';

// Everything else (expect, the types) as @playwright/test exports it; `test` below replaces its test.
export * from '@playwright/test';

let checker: ConformanceChecker | undefined;
const conformance = () => (checker ??= createConformanceChecker(buildOpenApiDocument()));

const isApiUrl = (url: string) => new URL(url).pathname.startsWith('/api/');

const REQUEST_METHODS = ['fetch', 'get', 'post', 'put', 'patch', 'delete', 'head'] as const;
type RequestMethod = (typeof REQUEST_METHODS)[number];

/** Collects the API responses of one test and checks them when it ends. */
export class ApiResponseRecorder {
  private readonly pending: Promise<ObservedResponse | undefined>[] = [];
  private readonly watched = new WeakSet<object>();
  /** `get()` and friends call `fetch()`: both wrappers see the same response, recorded once. */
  private readonly recorded = new WeakSet<APIResponse>();

  /** Every response any page of the context receives (navigations, fetches, XHR). */
  watchContext(context: BrowserContext): void {
    if (this.watched.has(context)) return;
    this.watched.add(context);
    context.on('response', (response) => {
      if (isApiUrl(response.url())) this.pending.push(observePageResponse(response));
    });
    this.watchRequests(context.request);
  }

  /** Every response of an API request context (the `request` fixture, `page.request`). */
  watchRequests(request: APIRequestContext): void {
    if (this.watched.has(request)) return;
    this.watched.add(request);
    const calls = request as unknown as Record<RequestMethod, (...args: unknown[]) => Promise<APIResponse>>;
    for (const name of REQUEST_METHODS) {
      const original = calls[name].bind(request);
      calls[name] = async (...args: unknown[]) => {
        const response = await original(...args);
        if (!this.recorded.has(response) && isApiUrl(response.url())) {
          this.recorded.add(response);
          this.pending.push(observeApiResponse(methodOf(name, args), response));
        }
        return response;
      };
    }
  }

  /** Waits for the bodies still being read (before a context closes). */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** One line per mismatch, for every response recorded so far. */
  async mismatches(): Promise<string[]> {
    const observed = (await Promise.all(this.pending)).filter((response): response is ObservedResponse => response !== undefined);
    return observed.flatMap((response) => {
      const { mismatches, operation } = conformance().check(response);
      const where = `${response.method} ${new URL(response.url).pathname} → ${response.status} (${operation})`;
      return mismatches.map((mismatch) => `${where}: ${mismatch}`);
    });
  }
}

function methodOf(name: RequestMethod, args: unknown[]): string {
  if (name !== 'fetch') return name.toUpperCase();
  const options = args[1] as { method?: string } | undefined;
  const request = args[0] as { method?: () => string } | string;
  return (options?.method ?? (typeof request === 'object' ? request.method?.() : undefined) ?? 'GET').toUpperCase();
}

async function observePageResponse(response: Response): Promise<ObservedResponse | undefined> {
  const observed = {
    method: response.request().method(),
    url: response.url(),
    status: response.status(),
    // A response the browser revalidated (304) and served from its cache is
    // reported as the cached 200, but allHeaders() holds the raw 304's headers,
    // which have no content type: the cached headers win where both have one.
    headers: { ...(await response.allHeaders().catch(() => ({}))), ...response.headers() },
  };
  // A redirect has no body to read, and a page may navigate away first: then only status and type are checked.
  const bodyText = await response.text().catch(() => undefined);
  return { ...observed, bodyText };
}

async function observeApiResponse(method: string, response: APIResponse): Promise<ObservedResponse | undefined> {
  const bodyText = await response.text().catch(() => undefined);
  return { method, url: response.url(), status: response.status(), headers: response.headers(), bodyText };
}

/** Contexts a test opens itself (`browser.newContext()`, `browser.newPage()`) are watched too. */
function watchNewContexts(browser: Browser, recorder: ApiResponseRecorder): () => void {
  const original = browser.newContext;
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await original.apply(browser, args);
    recorder.watchContext(context);
    return context;
  };
  return () => {
    browser.newContext = original;
  };
}

export const test = base.extend<{ apiConformance: ApiResponseRecorder }>({
  apiConformance: [
    async ({ browser }, use) => {
      const recorder = new ApiResponseRecorder();
      const restore = watchNewContexts(browser, recorder);
      try {
        await use(recorder);
      } finally {
        restore();
      }
      const mismatches = await recorder.mismatches();
      if (mismatches.length > 0) {
        throw new Error(`API responses break the OpenAPI document:\n${mismatches.map((m) => `  - ${m}`).join('\n')}`);
      }
    },
    { auto: true },
  ],
  context: async ({ context, apiConformance }, use) => {
    apiConformance.watchContext(context);
    await use(context);
    await apiConformance.settle();
  },
  request: async ({ request, apiConformance }, use) => {
    apiConformance.watchRequests(request);
    await use(request);
    await apiConformance.settle();
  },
});
