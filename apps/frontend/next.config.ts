import path from 'node:path';
import type { NextConfig } from 'next';
import { securityHeaders } from './src/lib/security-headers';

// The workspace root, so Turbopack compiles the libs/ sources that tsconfig
// paths point at and standalone tracing copies the root node_modules.
const workspaceRoot = path.resolve(__dirname, '../..');

// Read when the config is evaluated: `next build` bakes it into the routes
// manifest, so a standalone image must be built with the gateway it talks to.
const gatewayUrl = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');

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
    return [{ source: '/api/:path*', destination: `${gatewayUrl}/api/:path*` }];
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
