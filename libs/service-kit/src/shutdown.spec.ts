import http from 'node:http';
import { runFixture } from '../test/child-process';
import { rawGet, signal, startTestService, stopAllServices } from '../test/helpers';
import type { DependencyCheck } from './readiness';

afterEach(stopAllServices);

function connect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve();
    });
    req.on('error', reject);
  });
}

describe('server settings', () => {
  it('keeps idle connections longer than a load balancer (keep-alive above 60 s), with helmet headers', async () => {
    const { url, service } = await startTestService();
    const res = await new Promise<http.IncomingMessage>((resolve) => {
      const agent = new http.Agent({ keepAlive: true });
      http.get(`${url}/healthz`, { agent }, (r) => {
        r.resume();
        r.on('end', () => agent.destroy());
        resolve(r);
      });
    });
    expect(res.headers['keep-alive']).toBe('timeout=65');
    expect(service.server.headersTimeout).toBeGreaterThan(service.server.keepAliveTimeout);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('graceful stop', () => {
  it('stops accepting, lets an in-flight request finish, then runs onShutdown and closes dependencies', async () => {
    const entered = signal();
    const release = signal();
    const events: string[] = [];
    const redis: DependencyCheck = {
      name: 'redis',
      check: async () => undefined,
      close: async () => void events.push('dependency closed'),
    };
    const { url, port, service } = await startTestService({
      dependencies: [redis],
      routes: (app) =>
        app.get('/api/slow', async (_req, res) => {
          entered.fire();
          await release.promise;
          events.push('slow request answered');
          res.json({ finished: true });
        }),
      onShutdown: async () => void events.push('onShutdown'),
    });
    const inFlight = rawGet(`${url}/api/slow`);
    await entered.promise;

    let stopped = false;
    const stopping = service.stop('test').then(() => (stopped = true));
    expect(service.isReady()).toBe(false);
    await expect(connect(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(stopped).toBe(false);

    release.fire();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ finished: true });
    expect(res.headers.connection).toBe('close');
    await stopping;
    expect(events).toEqual(['slow request answered', 'onShutdown', 'dependency closed']);
  });

  it('cuts requests still running after SHUTDOWN_TIMEOUT_MS and still finishes stopping', async () => {
    const entered = signal();
    const closed: string[] = [];
    const { url, service } = await startTestService({
      env: { SHUTDOWN_TIMEOUT_MS: '100' },
      dependencies: [{ name: 'pg', check: async () => undefined, close: async () => void closed.push('pg') }],
      routes: (app) =>
        app.get('/api/forever', () => {
          entered.fire();
        }),
    });
    const stuck = rawGet(`${url}/api/forever`);
    await entered.promise;
    await service.stop('test');
    await expect(stuck).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(closed).toEqual(['pg']);
  });

  it('is idempotent: a second stop waits for the same shutdown', async () => {
    const { service } = await startTestService();
    const first = service.stop('one');
    const second = service.stop('two');
    expect(second).toBe(first);
    await first;
    expect(service.server.listening).toBe(false);
  });
});

describe('runService in a real process', () => {
  it('on SIGTERM finishes the in-flight request and exits 0', async () => {
    const run = runFixture('slow-service.main.ts', { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test' });
    const listening = await run.waitForLog((l) => typeof l.url === 'string');
    const inFlight = rawGet(`${listening.url as string}/slow`);
    await run.waitForLog((l) => l.msg === 'slow request started');

    run.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ finished: true });
    expect(await run.exited).toBe(0);
    const messages = run.stdoutLines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages.indexOf('shutting down')).toBeLessThan(messages.indexOf('onShutdown ran'));
    expect(messages[messages.length - 1]).toBe('stopped');
  });
});
