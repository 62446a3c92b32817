import type http from 'node:http';
import { clientAddress, type ProxyTrust } from '@peerprep/service-kit';

/**
 * Headers a service believes only because they come from the gateway: the
 * shared internal token (and any future `x-internal-*`), and the client's
 * address in every spelling a framework might read. An outside request never
 * carries them through; the gateway writes the address headers itself.
 */
const ADDRESS_HEADERS = ['forwarded', 'x-real-ip', 'x-forwarded-port', 'x-forwarded-prefix', 'x-client-ip'] as const;
const INTERNAL_HEADER_PREFIX = 'x-internal-';

export function isInternalHeader(name: string): boolean {
  return name.startsWith(INTERNAL_HEADER_PREFIX);
}

/**
 * The client address, derived once here: the gateway is the one place that
 * reads an outside X-Forwarded-For (through `trust`: only the configured
 * proxy hops, only from their addresses). Services trust exactly one hop, the
 * gateway, and so believe exactly the single address written here.
 */
export function prepareForwarding(req: http.IncomingMessage, trust: ProxyTrust): string {
  const client = clientAddress(req, trust);
  const fromTrustedProxy = trust(req.socket.remoteAddress ?? '', 0);
  const headers = req.headers;
  for (const name of Object.keys(headers)) {
    if (isInternalHeader(name)) delete headers[name];
  }
  for (const name of ADDRESS_HEADERS) delete headers[name];
  headers['x-forwarded-for'] = client;
  // Scheme and host as the first trusted proxy saw them; from anyone else, as the gateway sees them.
  const encrypted = 'encrypted' in req.socket && Boolean(req.socket.encrypted);
  if (!fromTrustedProxy || typeof headers['x-forwarded-proto'] !== 'string') {
    headers['x-forwarded-proto'] = encrypted ? 'https' : 'http';
  }
  if (!fromTrustedProxy || typeof headers['x-forwarded-host'] !== 'string') {
    headers['x-forwarded-host'] = headers.host ?? '';
  }
  return client;
}
