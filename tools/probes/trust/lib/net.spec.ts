import { assertLoopbackUrl, isLoopbackHost } from './net';

describe('the probes aim at this machine only', () => {
  it.each(['127.0.0.1', '127.88.4.9', 'localhost', '::1', '[::1]'])('accepts the loopback host %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['10.0.0.1', '192.168.1.2', 'example.com', '127.0.0.1.example.com', '128.0.0.1', '127.0.0.256', '::ffff:10.0.0.1', '0.0.0.0'])(
    'refuses %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it('refuses a URL naming another host, and names the variable', () => {
    expect(() => assertLoopbackUrl('PROBE_GATEWAY_URL', 'http://10.1.2.3:3001')).toThrow(/PROBE_GATEWAY_URL must name a loopback host/);
  });

  it('refuses another scheme', () => {
    expect(() => assertLoopbackUrl('PROBE_REDIS_URL', 'rediss://127.0.0.1:6379', ['redis:'])).toThrow(/must use redis:/);
  });

  it('accepts a loopback URL', () => {
    expect(assertLoopbackUrl('PROBE_FRONTEND_URL', 'http://127.0.0.1:3000').port).toBe('3000');
  });
});
