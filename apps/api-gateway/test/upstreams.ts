import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { TEST_DOUBLE_HEADER } from '@peerprep/contracts/openapi-conformance';
import { WebSocketServer } from 'ws';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeUpstream {
  name: string;
  url: string;
  seen: SeenRequest[];
  /** URLs of the WebSocket upgrades that reached this service. */
  upgrades: string[];
  close(): Promise<void>;
}

/**
 * A stand-in for one service: answers every request with JSON describing what
 * it received (marked as a test double); `/.../slow` never answers (for the gateway's 504); with
 * `websocket`, upgrades become an echo socket that first reports its request.
 */
export async function startFakeUpstream(name: string, opts: { websocket?: boolean } = {}): Promise<FakeUpstream> {
  const seen: SeenRequest[] = [];
  const upgrades: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.endsWith('/slow')) return; // held until the server closes
      res.setHeader('content-type', 'application/json');
      // Its echo is no API answer: the OpenAPI conformance check skips it.
      res.setHeader(TEST_DOUBLE_HEADER, name);
      res.end(JSON.stringify({ service: name, method: req.method, url: req.url, headers: req.headers, body }));
    });
  });
  let wss: WebSocketServer | undefined;
  if (opts.websocket) {
    wss = new WebSocketServer({ server });
    wss.on('connection', (socket, req) => {
      upgrades.push(req.url ?? '');
      socket.send(JSON.stringify({ service: name, url: req.url, requestId: req.headers['x-request-id'], headers: req.headers }));
      socket.on('message', (data) => socket.send(`echo:${data.toString()}`));
    });
  }
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    seen,
    upgrades,
    async close() {
      for (const client of wss?.clients ?? []) client.terminate();
      wss?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A URL where nothing listens: bound once, then released. */
export async function deadUpstreamUrl(): Promise<string> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
