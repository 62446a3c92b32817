import type { IncomingMessage } from 'node:http';
import { clientAddress, invalidTrustEntries, proxyTrust, rateLimitSubject } from './client-address';

function requestFrom(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  const ingress = proxyTrust(['10.0.0.0/8'], 1);

  it('uses the socket address when no hop is trusted, ignoring a forged header', () => {
    expect(clientAddress(requestFrom('10.0.0.5', '1.2.3.4'), proxyTrust(['10.0.0.0/8'], 0))).toBe('10.0.0.5');
  });

  it('takes the entry the trusted proxy appended, not what the client wrote', () => {
    // the client forged "1.2.3.4"; the ingress (socket peer 10.0.0.5) appended the real 198.51.100.7
    expect(clientAddress(requestFrom('10.0.0.5', '1.2.3.4, 198.51.100.7'), ingress)).toBe('198.51.100.7');
  });

  it('ignores the header of a client that reaches it directly, from outside the trusted addresses', () => {
    expect(clientAddress(requestFrom('203.0.113.9', '1.2.3.4'), ingress)).toBe('203.0.113.9');
  });

  it('walks back one entry per trusted hop, each of which must be a trusted address', () => {
    const twoHops = proxyTrust(['10.0.0.0/8'], 2);
    expect(clientAddress(requestFrom('10.0.0.5', '198.51.100.7, 10.0.0.9'), twoHops)).toBe('198.51.100.7');
    // The second hop is not a trusted address: it is the client, whatever it claims further left.
    expect(clientAddress(requestFrom('10.0.0.5', '198.51.100.7, 203.0.113.4'), twoHops)).toBe('203.0.113.4');
  });

  it('falls back to the leftmost address when the chain is shorter than the hops', () => {
    expect(clientAddress(requestFrom('10.0.0.5'), proxyTrust(['10.0.0.0/8'], 2))).toBe('10.0.0.5');
  });

  it('matches IPv4-mapped IPv6 socket addresses against IPv4 ranges (a dual-stack listener)', () => {
    expect(clientAddress(requestFrom('::ffff:127.0.0.1', '198.51.100.7'), proxyTrust(['loopback'], 1))).toBe('198.51.100.7');
  });
});

describe('invalidTrustEntries', () => {
  it('names entries that are neither an IP, a CIDR nor a range name', () => {
    expect(invalidTrustEntries(['loopback', 'uniquelocal', '10.0.0.0/8', '::1', '172.30.77.11', '10.0.0.0/33', 'ingress'])).toEqual([
      '10.0.0.0/33',
      'ingress',
    ]);
  });
});

describe('rateLimitSubject', () => {
  it('counts an IPv4 client by its address, also when a dual-stack socket maps it', () => {
    expect(rateLimitSubject('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitSubject('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts an IPv6 client by its /64, however the address is written', () => {
    expect(rateLimitSubject('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(rateLimitSubject('2001:0db8:00aa:00bb::ffff')).toBe('2001:db8:aa:bb::/64');
    expect(rateLimitSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitSubject('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitSubject('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});
