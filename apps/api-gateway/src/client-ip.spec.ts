import type { IncomingMessage } from 'node:http';
import { clientIp } from './client-ip';

function requestFrom(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

describe('clientIp', () => {
  it('uses the socket address when no proxy is trusted, ignoring a forged header', () => {
    expect(clientIp(requestFrom('203.0.113.9', '1.2.3.4'), 0)).toBe('203.0.113.9');
  });

  it('takes the entry the trusted proxy appended, not what the client wrote', () => {
    // client forged "1.2.3.4"; the ingress (socket peer 10.0.0.5) appended the real 198.51.100.7
    expect(clientIp(requestFrom('10.0.0.5', '1.2.3.4, 198.51.100.7'), 1)).toBe('198.51.100.7');
  });

  it('walks back one entry per trusted hop', () => {
    expect(clientIp(requestFrom('10.0.0.5', '198.51.100.7, 10.0.0.9'), 2)).toBe('198.51.100.7');
  });

  it('falls back to the leftmost address when the chain is shorter than the hops', () => {
    expect(clientIp(requestFrom('10.0.0.5'), 2)).toBe('10.0.0.5');
  });
});
