import { headers } from 'next/headers';
import type { z } from 'zod';
import { apiRequest, type ApiRequestOptions } from './api-client';

/**
 * apiRequest from a server component, on behalf of the visitor whose page it
 * renders: the request carries the X-Forwarded-For chain this server received
 * (serve.cjs appends the socket peer to it, as for /api), so the gateway, which
 * trusts one hop from this server, rate-limits and logs the visitor rather
 * than counting every page this server renders as one client.
 */
export async function serverApiRequest<S extends z.ZodType>(path: string, options: Omit<ApiRequestOptions<S>, 'headers'>): Promise<z.infer<S>> {
  const forwardedFor = (await headers()).get('x-forwarded-for');
  return apiRequest(path, { ...options, headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : undefined });
}
