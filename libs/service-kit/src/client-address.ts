import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import express from 'express';

/** Decides whether the address at `hop` (0 = the socket peer) is a proxy whose X-Forwarded-For entry may be believed. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/** proxy-addr's names for address ranges, accepted in a trust list beside IPs and CIDRs. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Compiles a trust list (`loopback`, `10.0.0.0/8`, `172.30.77.11`, ...) with
 * Express's own compiler (proxy-addr), so the gateway's raw path and every
 * service's req.ip judge addresses by the same rules. Throws on a bad entry.
 */
function compileAddressList(entries: readonly string[]): (address: string) => boolean {
  if (entries.length === 0) return () => false;
  const probe = express();
  probe.set('trust proxy', [...entries]);
  return probe.get('trust proxy fn') as (address: string) => boolean;
}

/** The entries of a comma-separated trust list that are neither a range name, an IP nor a CIDR. */
export function invalidTrustEntries(entries: readonly string[]): string[] {
  return entries.filter((entry) => {
    if (RANGE_NAMES.has(entry)) return false;
    try {
      compileAddressList([entry]);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * Trust exactly `hops` proxies, and only while each of them is in `addresses`:
 * a client that reaches this process directly (not from a listed address)
 * gets its socket address, however much X-Forwarded-For it sends, and a
 * listed proxy vouches only for the one entry it appended itself.
 */
export function proxyTrust(addresses: readonly string[], hops: number): ProxyTrust {
  const listed = compileAddressList(addresses);
  return (address, hop) => hop < hops && listed(address);
}

/**
 * The client's address as proxy-addr (Express's req.ip) derives it: walk from
 * the socket peer leftwards through X-Forwarded-For while each address is a
 * trusted proxy; the first one that is not (or the leftmost) is the client.
 */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [socketAddress, ...forwarded.reverse()];
  for (let hop = 0; hop < chain.length - 1; hop += 1) {
    if (!trust(chain[hop] as string, hop)) return chain[hop] as string;
  }
  return chain[chain.length - 1] as string;
}

/**
 * What a per-client rate limit counts: an IPv4 address itself (also when a
 * dual-stack socket reports it as ::ffff:a.b.c.d), an IPv6 address by its /64,
 * the smallest block one subscriber gets: otherwise one client with a /64
 * would hold 2^64 fresh buckets.
 */
export function rateLimitSubject(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
  return address;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros (a trailing dotted IPv4 counts as two). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = (address.split('%')[0] ?? '').toLowerCase().split('::') as [string, string | undefined];
  const groupsOf = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [group];
          const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
