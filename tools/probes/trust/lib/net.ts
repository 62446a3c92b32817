import http from 'node:http';
import { WebSocket } from 'ws';

/**
 * Loopback only: the probes are attacks (floods, 4 MiB frames, forged
 * headers), so they may only ever hit this machine's own platform.
 */
export function assertLoopbackUrl(name: string, raw: string, protocols: readonly string[] = ['http:']): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} is not a URL: ${raw}`);
  }
  if (!protocols.includes(url.protocol)) throw new Error(`${name} must use ${protocols.join(' or ')}, not ${url.protocol} (${raw})`);
  if (!isLoopbackHost(url.hostname)) throw new Error(`${name} must name a loopback host (127.0.0.0/8, ::1, localhost), not ${url.hostname}`);
  return url;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  const parts = host.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  /** A value to send as JSON, or a string sent as it is (with `headers` choosing the type). */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The loopback source address to connect from. Every 127.0.0.0/8 address is
   * this machine, so distinct addresses are honestly distinct clients to the
   * platform (no header claims anything).
   */
  from?: string;
  timeoutMs?: number;
}

/** One HTTP request to a loopback base URL, read to the end (no keep-alive: each request is its own client connection). */
export function request(base: URL, path: string, options: RequestOptions = {}): Promise<Reply> {
  const { method = 'GET', body, headers = {}, from, timeoutMs = 30_000 } = options;
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const allHeaders: Record<string, string | number> = { ...headers };
  if (payload !== undefined) {
    if (!Object.keys(allHeaders).some((name) => name.toLowerCase() === 'content-type')) allHeaders['content-type'] = 'application/json';
    allHeaders['content-length'] = Buffer.byteLength(payload);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname.replace(/^\[|\]$/g, ''),
        port: Number(base.port) || 80,
        method,
        path,
        headers: allHeaders,
        localAddress: from,
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export function parseJson<T>(reply: Reply): T | undefined {
  try {
    return JSON.parse(reply.body) as T;
  } catch {
    return undefined;
  }
}

/** `name=value` of every Set-Cookie (attributes dropped), as a Cookie header. */
export function cookiesOf(reply: Reply): string {
  const setCookie = reply.headers['set-cookie'] ?? [];
  return setCookie
    .map((cookie) => cookie.split(';')[0].trim())
    .filter((pair) => pair.includes('=') && !pair.endsWith('='))
    .join('; ');
}

/** How a socket ended, or that it is still open. */
export interface SocketOutcome {
  /** HTTP status when the upgrade was refused. */
  refusedStatus?: number;
  /** Close code (1006 when the connection dropped without a close frame). */
  code?: number;
  reason?: string;
  error?: string;
}

export interface ProbeSocket {
  ws: WebSocket;
  opened: Promise<boolean>;
  /** Settles when the socket is gone (closed or refused). */
  ended: Promise<SocketOutcome>;
  outcome(): SocketOutcome | undefined;
  messages: (Buffer | string)[];
}

/** Opens a WebSocket and records how it ends; never rejects. */
export function openSocket(url: string, protocols: string[], options: { from?: string; keepMessages?: boolean } = {}): ProbeSocket {
  const ws = new WebSocket(url, protocols, { localAddress: options.from, maxPayload: 256 * 1024 * 1024 });
  let outcome: SocketOutcome | undefined;
  const messages: (Buffer | string)[] = [];
  let resolveOpened!: (ok: boolean) => void;
  const opened = new Promise<boolean>((resolve) => (resolveOpened = resolve));
  const ended = new Promise<SocketOutcome>((resolve) => {
    ws.on('unexpected-response', (_req, res) => {
      outcome = { refusedStatus: res.statusCode };
      res.resume();
      resolveOpened(false);
      resolve(outcome);
      ws.terminate();
    });
    ws.on('close', (code, reason) => {
      outcome ??= { code, reason: reason.toString() };
      resolveOpened(false);
      resolve(outcome);
    });
    ws.on('error', (error) => {
      outcome ??= { error: error.message };
    });
  });
  ws.on('open', () => resolveOpened(true));
  if (options.keepMessages) ws.on('message', (data, isBinary) => messages.push(isBinary ? (data as Buffer) : data.toString()));
  return { ws, opened, ended, outcome: () => outcome, messages };
}

export function describeOutcome(outcome: SocketOutcome | undefined): string {
  if (!outcome) return 'still open';
  return describeEnded(outcome);
}

/**
 * A socket that is not closed yet, in more words: whether the server's close
 * frame already came (the TCP close follows once our own queued bytes have
 * drained) and how much of what we sent is still queued here.
 */
export function describeLive(socket: ProbeSocket): string {
  const outcome = socket.outcome();
  if (outcome) return describeEnded(outcome);
  const { ws } = socket;
  const queued = ws.bufferedAmount > 0 ? `, ${ws.bufferedAmount} B still queued to send` : '';
  if (ws.readyState === ws.CLOSING) return `closing (close frame exchanged, not yet closed${queued})`;
  return `still open${queued}`;
}

function describeEnded(outcome: SocketOutcome): string {
  if (outcome.refusedStatus !== undefined) return `upgrade refused HTTP ${outcome.refusedStatus}`;
  if (outcome.code !== undefined) return `closed ${outcome.code}${outcome.reason ? ` (${outcome.reason.slice(0, 40)})` : ''}`;
  return `error ${outcome.error ?? 'unknown'}`;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves with `promise`'s value, or `undefined` after `ms`. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, sleep(ms).then(() => undefined)]);
}
