import type { IncomingMessage } from 'node:http';
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
