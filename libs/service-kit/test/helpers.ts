import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { baseEnvSchema, createLogger, createService, loadConfig, type BaseConfig, type Service, type ServiceOptions } from '../src';

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** A logger whose JSON lines land in an array the test can read. */
export function capturedLogger() {
  const lines: LogLine[] = [];
  const logger = createLogger({
    name: 'test-service',
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  return { logger, lines };
}

export function testConfig(overrides: Record<string, string> = {}): BaseConfig {
  return loadConfig(baseEnvSchema, { NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ...overrides });
}

export interface StartedService {
  service: Service;
  url: string;
  port: number;
}

const running: Service[] = [];

/** Starts a real service on a free port; `stopAllServices` in afterEach/afterAll stops it. */
export async function startTestService(
  options: Partial<ServiceOptions> & { env?: Record<string, string> } = {},
): Promise<StartedService> {
  const { env, ...rest } = options;
  const service = createService({
    name: 'test-service',
    config: testConfig(env),
    logger: capturedLogger().logger,
    ...rest,
  });
  running.push(service);
  const { url, port } = await service.start();
  return { service, url, port };
}

export async function stopAllServices(): Promise<void> {
  await Promise.all(running.splice(0).map((s) => s.stop('test finished')));
}

/** A port nothing listens on: bound once by us, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A plain GET on a fresh connection (no pooled sockets left behind). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Resolves with a function and a promise that settles when it is called. */
export function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}
