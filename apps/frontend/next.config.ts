import path from 'node:path';
import type { NextConfig } from 'next';

// The workspace root, so Turbopack compiles the libs/ sources that tsconfig
// paths point at and standalone tracing copies the root node_modules.
const workspaceRoot = path.resolve(__dirname, '../..');

// Read when the config is evaluated: `next build` bakes it into the routes
// manifest, so a standalone image must be built with the gateway it talks to.
const gatewayUrl = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');

// The response headers every page carries. A pure function of the build's
// environment, exported for its test: `next build` bakes the result into the
// routes manifest, and pages stay statically rendered (no per-request nonce).
// Here rather than in src/: Next compiles this file alone and cannot resolve
// a TypeScript import from it.
export interface SecurityHeaderOptions {
  /** `next build` / `next start`: CSP and HSTS apply only then (dev needs eval for fast refresh). */
  production: boolean;
  /** NEXT_PUBLIC_GATEWAY_WS_URL, when the build names the gateway's public WebSocket origin. */
  gatewayWsUrl?: string;
}

export interface Header {
  key: string;
  value: string;
}

const ALWAYS: readonly Header[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // The room's call asks for the microphone (and the camera) on this origin only; no frame and no other feature may.
  { key: 'Permissions-Policy', value: 'camera=(self), microphone=(self), geolocation=()' },
];

/**
 * Where the browser opens WebSockets (lib/match/match-events-url.ts): the
 * configured origin, or else port 3001 of whatever host served the page,
 * which a policy can only say with a host wildcard.
 */
export function webSocketSources(gatewayWsUrl?: string): string[] {
  const configured = gatewayWsUrl?.trim();
  if (!configured) return ['ws://*:3001', 'wss://*:3001'];
  const url = new URL(configured);
  return [`${url.protocol}//${url.host}`];
}

export function contentSecurityPolicy(gatewayWsUrl?: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Next's App Router streams its payload in inline <script> tags; a nonce
    // would make every page dynamic, and their content changes per build.
    'script-src': ["'self'", "'unsafe-inline'"],
    // MUI/emotion and Monaco insert <style> elements and style attributes.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // /api stays on this origin (the rewrite); WebSockets go to the gateway.
    'connect-src': ["'self'", ...webSocketSources(gatewayWsUrl)],
    // Monaco's language workers come from this origin's bundle.
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Header[] {
  if (!options.production) return [...ALWAYS];
  return [
    ...ALWAYS,
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options.gatewayWsUrl) },
    // Browsers honour it only on an https response (behind the TLS ingress);
    // over plain http (localhost, compose) it is ignored, not harmful.
    { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
  ];
}

const nextConfig: NextConfig = {
  output: 'standalone',
  outputFileTracingRoot: workspaceRoot,
  turbopack: { root: workspaceRoot },
  poweredByHeader: false,
  // Link hrefs (and the nav list) must name pages that exist.
  typedRoutes: true,
  reactStrictMode: true,
  async rewrites() {
    // The browser sees one origin, so the refresh cookie stays first-party.
    return [
      { source: '/api/:path*', destination: `${gatewayUrl}/api/:path*` },
      // Browsers still ask for /favicon.ico now and then (a page without <head>, bookmarks): the SVG icon answers.
      { source: '/favicon.ico', destination: '/icon.svg' },
    ];
  },
  async headers() {
    // CSP and HSTS in production builds only (`npm start` and the images run one).
    const headers = securityHeaders({
      production: process.env.NODE_ENV === 'production',
      gatewayWsUrl: process.env.NEXT_PUBLIC_GATEWAY_WS_URL,
    });
    return [{ source: '/:path*', headers }];
  },
};

export default nextConfig;
