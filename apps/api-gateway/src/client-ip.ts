import type { IncomingMessage } from 'node:http';

/**
 * The address a rate limit should count: with `trustedHops` proxies in front,
 * the entry they appended to X-Forwarded-For; otherwise the socket peer.
 * Entries further left were written by the client and prove nothing.
 */
export function clientIp(req: IncomingMessage, trustedHops: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress];
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}
