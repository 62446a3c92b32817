import { once } from 'node:events';
import http from 'node:http';
import type net from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * The floor under a page's figures: the same server-rendered HTML with every
 * script removed (inline ones too: the RSC payload, the colour-scheme script)
 * and its script preloads dropped, served by a tiny loopback server that
 * proxies everything else (CSS, icon) to the real frontend. Lighthouse on it
 * measures what the document and its stylesheets alone cost under the same
 * throttling: no page can score above it, whatever its JavaScript does. The
 * HTML goes out gzipped, as the frontend sends it.
 */

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b[^>]*(?:as="script"|rel="modulepreload")[^>]*\/?>/gi;

export function withoutScripts(html: string): string {
  return html.replace(SCRIPT, '').replace(SCRIPT_PRELOAD, '');
}

export interface FloorServer {
  /** The stripped copy of `pagePath`, on this server. */
  urlFor(pagePath: string): string;
  /** Scripts left in a served page (0 unless the stripping missed some). */
  scriptsLeft(pagePath: string): number;
  close(): Promise<void>;
}

export async function startFloorServer(baseUrl: string, pagePaths: readonly string[]): Promise<FloorServer> {
  const upstream = new URL(baseUrl);
  const pages = new Map<string, string>();
  const gzipped = new Map<string, Buffer>();
  for (const pagePath of pagePaths) {
    const res = await fetch(new URL(pagePath, baseUrl), { signal: AbortSignal.timeout(30_000) });
    if (res.status !== 200) throw new Error(`floor: GET ${pagePath} answered ${res.status}`);
    const html = withoutScripts(await res.text());
    pages.set(pagePath, html);
    gzipped.set(pagePath, gzipSync(html));
  }

  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (page !== undefined) {
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', vary: 'Accept-Encoding' };
      const gzip = gzipped.get(req.url ?? '');
      if (gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
        res.end(gzip);
      } else {
        res.writeHead(200, headers);
        res.end(page);
      }
      return;
    }
    const proxied = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(proxied);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;

  return {
    urlFor: (pagePath) => `http://127.0.0.1:${port}${pagePath}`,
    scriptsLeft: (pagePath) => (pages.get(pagePath)?.match(/<script\b/gi) ?? []).length,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
