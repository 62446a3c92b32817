#!/usr/bin/env node
// Starts the whole platform on this machine as plain processes against the
// local PostgreSQL, Redis and RabbitMQ: prepares the databases (create,
// migrate, seed), builds what changed (Nx cache), starts every app, waits until
// each is ready, prints the URLs, and stops everything cleanly on Ctrl-C.
//
//   npm start                 build + start
//   npm start -- --skip-build start what dist/ already holds (used by e2e)
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backendApps, frontendApp, infrastructure } from './apps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const skipBuild = args.has('--skip-build') || process.env.PEERPREP_SKIP_BUILD === '1';
const colors = [36, 32, 35, 33, 34, 31];
const children = [];
let stopping = false;

const say = (msg) => console.log(`\x1b[1m[peerprep]\x1b[0m ${msg}`);

function portOf(url, fallback) {
  try {
    return Number(new URL(url).port) || fallback;
  } catch {
    return fallback;
  }
}

function canConnect(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function checkInfrastructure() {
  const down = [];
  for (const dep of infrastructure) {
    const url = new URL(process.env[dep.env] ?? dep.url);
    if (!(await canConnect(url.hostname, portOf(url.href, dep.defaultPort)))) down.push(`${dep.name} (${url.host})`);
  }
  if (down.length > 0) {
    console.error(
      `PeerPrep needs PostgreSQL, Redis and RabbitMQ running locally. Not reachable: ${down.join(', ')}.\n` +
        'See README.md ("Local servers") for the commands that start them.',
    );
    process.exit(1);
  }
}

function run(command, argv, opts = {}) {
  const result = spawnSync(command, argv, { cwd: root, stdio: 'inherit', env: process.env, ...opts });
  if (result.status !== 0) {
    console.error(`[peerprep] ${command} ${argv.join(' ')} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

function prefixLines(stream, label, color) {
  let buffered = '';
  stream.on('data', (chunk) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) process.stdout.write(`\x1b[${color}m${label.padEnd(22)}\x1b[0m| ${line}\n`);
  });
}

function startApp({ name, port }, command, argv, env, index) {
  const child = spawn(command, argv, {
    cwd: root,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches only this script, which
    // then stops each app exactly once (a second signal would force-exit it).
    detached: true,
  });
  const color = colors[index % colors.length];
  prefixLines(child.stdout, name, color);
  prefixLines(child.stderr, name, color);
  child.on('exit', (code, signal) => {
    child.exited = true;
    if (!stopping) {
      console.error(`[peerprep] ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the platform`);
      void stopAll(1);
    }
  });
  children.push({ name, child });
  return child;
}

async function waitForUrl(name, url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`[peerprep] ${name} was not ready at ${url} within ${timeoutMs / 1000}s (${last})`);
  await stopAll(1);
}

async function stopAll(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const { child } of children) if (!child.exited) child.kill('SIGTERM');
  const deadline = Date.now() + 20_000;
  while (children.some(({ child }) => !child.exited) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const { name, child } of children) {
    if (!child.exited) {
      console.error(`[peerprep] ${name} did not stop in time; killing it`);
      child.kill('SIGKILL');
    }
  }
  say('stopped');
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
process.on('exit', () => {
  for (const { child } of children) if (!child.exited) child.kill('SIGKILL');
});

// execution-service's sandbox and toolchains (bwrap, prlimit, libseccomp's
// Python binding, g++, OpenJDK 17): installed with apt-get as root on Debian,
// otherwise one line naming the command, before anything is built or started.
if (backendApps.some((app) => app.sandbox)) run(process.execPath, ['tools/platform/prerequisites.mjs', '--for=start']);

await checkInfrastructure();

say('preparing databases (create if missing, migrate)…');
run(process.execPath, ['tools/prisma/prepare-databases.mjs']);

if (!skipBuild) {
  say('building the apps (cached by Nx)…');
  run(process.execPath, [
    path.join(root, 'node_modules/nx/dist/bin/nx.js'),
    'run-many',
    '-t',
    'build',
    '-p',
    [...backendApps.map((a) => a.name), frontendApp.name].join(','),
    '--outputStyle=static',
  ]);
}

// After the build: seeding uses question-service's generated Prisma client.
say('seeding the question bank (idempotent)…');
run(path.join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'apps/question-service/tsconfig.json', 'apps/question-service/src/seed/run-seed.ts'], {
  env: { ...process.env, DATABASE_URL: process.env.QUESTION_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/peerprep_questions' },
});

const commonEnv = {
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  // The browser opens WebSockets to the gateway directly; allow the site under
  // both local names.
  CORS_ORIGINS: process.env.CORS_ORIGINS ?? 'http://localhost:3000,http://127.0.0.1:3000',
};
// A local first admin, so question curation works out of the box; set
// ADMIN_USERNAME / ADMIN_EMAIL / ADMIN_PASSWORD to choose your own. Never used
// outside this local start script.
const localAdmin = {
  ADMIN_USERNAME: process.env.ADMIN_USERNAME ?? 'admin',
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? 'admin@peerprep.local',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'peerprep-local-admin',
};
backendApps.forEach((app, i) => {
  const databaseUrl = app.databaseEnv && process.env[app.databaseEnv];
  const env = { ...commonEnv, ...(app.name === 'user-service' ? localAdmin : {}) };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  startApp(app, process.execPath, ['--enable-source-maps', `dist/apps/${app.name}/main.js`], env, i);
});
await Promise.all(backendApps.map((app) => waitForUrl(app.name, `http://127.0.0.1:${app.port}/readyz`)));

startApp(
  frontendApp,
  process.execPath,
  ['apps/frontend/.next/standalone/apps/frontend/serve.cjs'],
  { HOSTNAME: '0.0.0.0', GATEWAY_URL: process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001' },
  backendApps.length,
);
await waitForUrl(frontendApp.name, `http://127.0.0.1:${frontendApp.port}/healthz`);

say('PeerPrep is running:');
console.log(`  web site     http://localhost:${frontendApp.port}`);
console.log(`  API gateway  http://localhost:3001/api  (docs: http://localhost:3001/api/docs)`);
for (const app of backendApps.filter((a) => a.name !== 'api-gateway')) {
  console.log(`  ${app.name.padEnd(22)} http://localhost:${app.port}  (/healthz /readyz /metrics)`);
}
console.log(`  local admin  ${localAdmin.ADMIN_USERNAME} / ${localAdmin.ADMIN_PASSWORD}`);
say('press Ctrl-C to stop everything');
