// `next build` leaves static assets out of the standalone output on purpose
// (a CDN may serve them); this app serves them itself, so copy them in.
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const standaloneApp = join(appRoot, '.next/standalone/apps/frontend');

if (!existsSync(join(standaloneApp, 'server.js'))) {
  console.error(`No standalone server at ${standaloneApp}; did next build run with output: 'standalone'?`);
  process.exit(1);
}
cpSync(join(appRoot, '.next/static'), join(standaloneApp, '.next/static'), { recursive: true });
if (existsSync(join(appRoot, 'public'))) {
  cpSync(join(appRoot, 'public'), join(standaloneApp, 'public'), { recursive: true });
}
// The entry point (serve.cjs) and the X-Forwarded-For hook it installs before Next's server.js.
for (const file of ['serve.cjs', 'forwarded-for.cjs']) cpSync(join(appRoot, 'server', file), join(standaloneApp, file));
console.log(`Standalone server ready: node ${join('apps/frontend/.next/standalone/apps/frontend/serve.cjs')}`);
