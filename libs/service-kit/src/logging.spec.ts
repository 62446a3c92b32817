import type { LogLine } from '../test/helpers';
import { capturedLogger, rawGet, startTestService, stopAllServices } from '../test/helpers';

afterEach(stopAllServices);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function completedRequests(lines: LogLine[]) {
  return lines.filter((l) => l.msg === 'request completed') as (LogLine & {
    req: { id: string; url: string; headers: Record<string, string> };
    res: { headers: Record<string, string> };
  })[];
}

describe('request id', () => {
  it('generates a uuid when the caller sends none, echoes it and logs it', async () => {
    const { logger, lines } = capturedLogger();
    const { url } = await startTestService({
      logger,
      routes: (app) => app.get('/api/whoami', (req, res) => res.json({ id: req.id, local: res.locals.requestId })),
    });
    const res = await rawGet(`${url}/api/whoami`);
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(UUID);
    expect(JSON.parse(res.body)).toEqual({ id, local: id });
    expect(completedRequests(lines)[0].req.id).toBe(id);
  });

  it("keeps a well-formed caller's x-request-id", async () => {
    const { url } = await startTestService();
    const res = await rawGet(`${url}/healthz`, { 'x-request-id': 'gateway.abc-123_X' });
    expect(res.headers['x-request-id']).toBe('gateway.abc-123_X');
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with forbidden characters', 'abc def<script>'],
  ])('replaces an x-request-id that is %s', async (_case, incoming) => {
    const { url } = await startTestService();
    const res = await rawGet(`${url}/healthz`, { 'x-request-id': incoming });
    expect(res.headers['x-request-id']).toMatch(UUID);
  });
});

describe('logs', () => {
  it('redacts authorization, cookie, x-internal-token and WebSocket subprotocol headers, set-cookie and secret fields at any depth', async () => {
    const { logger, lines } = capturedLogger();
    const { url } = await startTestService({
      logger,
      routes: (app) =>
        app.get('/api/login', (req, res) => {
          req.log.info(
            {
              body: { password: 'hunter2-top', user: { newPassword: 'next-secret', currentPassword: 'old-secret' } },
              refreshToken: 'refresh-secret',
              nested: { deeper: { token: 'deep-token-secret' } },
            },
            'login attempt',
          );
          res.setHeader('set-cookie', 'refresh=cookie-secret; HttpOnly');
          res.json({ ok: true });
        }),
    });
    await rawGet(`${url}/api/login`, {
      authorization: 'Bearer header-secret',
      cookie: 'refresh=request-cookie-secret',
      'x-internal-token': 'internal-shared-secret',
      'sec-websocket-protocol': 'peerprep, bearer.subprotocol-secret',
    });

    const all = JSON.stringify(lines);
    for (const secret of [
      'hunter2-top',
      'next-secret',
      'old-secret',
      'refresh-secret',
      'deep-token-secret',
      'header-secret',
      'cookie-secret',
      'internal-shared-secret',
      'subprotocol-secret',
    ]) {
      expect(all).not.toContain(secret);
    }
    const [completed] = completedRequests(lines);
    expect(completed.req.headers.authorization).toBe('[REDACTED]');
    expect(completed.req.headers.cookie).toBe('[REDACTED]');
    expect(completed.res.headers['set-cookie']).toBe('[REDACTED]');
    const attempt = lines.find((l) => l.msg === 'login attempt') as LogLine & { body: { password: string } };
    expect(attempt.body.password).toBe('[REDACTED]');
  });

  it('does not log probe routes, but logs feature routes', async () => {
    const { logger, lines } = capturedLogger();
    const { url } = await startTestService({
      logger,
      routes: (app) => app.get('/api/ping', (_req, res) => res.json({ pong: true })),
    });
    await rawGet(`${url}/healthz`);
    await rawGet(`${url}/readyz`);
    await rawGet(`${url}/metrics`);
    await rawGet(`${url}/api/ping`);
    expect(completedRequests(lines).map((l) => l.req.url)).toEqual(['/api/ping']);
  });

  it('writes one JSON object per line', async () => {
    const chunks: string[] = [];
    const { createLogger } = await import('./logger');
    const logger = createLogger({ name: 'json-check', destination: { write: (c: string) => void chunks.push(c) } });
    logger.info({ answer: 42 }, 'hello');
    expect(chunks).toHaveLength(1);
    expect(JSON.parse(chunks[0])).toMatchObject({ name: 'json-check', msg: 'hello', answer: 42, level: 30 });
  });
});
