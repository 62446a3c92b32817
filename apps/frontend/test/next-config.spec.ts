import nextConfig, { contentSecurityPolicy, securityHeaders } from '../next.config';

const valueOf = (headers: { key: string; value: string }[], key: string) => headers.find((h) => h.key === key)?.value;

describe('securityHeaders', () => {
  it('sends a CSP that forbids framing, and HSTS, in production', () => {
    const headers = securityHeaders({ production: true });
    expect(valueOf(headers, 'Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(valueOf(headers, 'Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
    expect(valueOf(headers, 'X-Frame-Options')).toBe('DENY');
    // The room's call: microphone and camera for this origin only, never a frame; no geolocation at all.
    expect(valueOf(headers, 'Permissions-Policy')).toBe('camera=(self), microphone=(self), geolocation=()');
  });

  it('sends neither CSP nor HSTS in development (fast refresh evaluates code; http only)', () => {
    const headers = securityHeaders({ production: false });
    expect(valueOf(headers, 'Content-Security-Policy')).toBeUndefined();
    expect(valueOf(headers, 'Strict-Transport-Security')).toBeUndefined();
    expect(valueOf(headers, 'X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('contentSecurityPolicy', () => {
  const directive = (policy: string, name: string) =>
    policy
      .split('; ')
      .find((d) => d.startsWith(`${name} `))
      ?.split(' ')
      .slice(1);

  it("allows only this origin's scripts (inline for Next's bootstrap), workers and no plugins, never eval", () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directive(policy, 'worker-src')).toEqual(["'self'", 'blob:']);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(policy).not.toContain('unsafe-eval');
  });

  it("lets the browser reach the gateway's WebSockets on port 3001 of any host by default", () => {
    expect(directive(contentSecurityPolicy(), 'connect-src')).toEqual(["'self'", 'ws://*:3001', 'wss://*:3001']);
  });

  it('names exactly the configured gateway WebSocket origin when the build sets one', () => {
    expect(directive(contentSecurityPolicy('wss://api.peerprep.example/'), 'connect-src')).toEqual(["'self'", 'wss://api.peerprep.example']);
  });
});

describe('next.config headers()', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => Object.assign(process.env, { NODE_ENV: nodeEnv }));

  it('puts the CSP and HSTS on every path of a production build', async () => {
    Object.assign(process.env, { NODE_ENV: 'production' });
    const rules = (await nextConfig.headers?.()) ?? [];
    expect(rules.map((rule) => rule.source)).toEqual(['/:path*']);
    expect(rules[0]?.headers.map((h) => h.key)).toEqual(expect.arrayContaining(['Content-Security-Policy', 'Strict-Transport-Security']));
  });
});
