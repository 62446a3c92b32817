#!/usr/bin/env node
// Makes every data-owning service's database exist and carry all committed
// migrations: creates the database when missing, then runs the real
// `prisma migrate deploy` with that service's prisma.config.ts (offline: the
// wasm schema engine, no download). Safe to run again: both steps are no-ops
// when there is nothing to do.
//
// As a script:  node tools/prisma/prepare-databases.mjs
// As a module:  import { prepareDatabases } from './tools/prisma/prepare-databases.mjs'
//
// Each database URL comes from USER_DATABASE_URL, QUESTION_DATABASE_URL and
// COLLABORATION_DATABASE_URL, defaulting to the local server.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

export const SERVICE_DATABASES = [
  { service: 'user-service', envVar: 'USER_DATABASE_URL', database: 'peerprep_users' },
  { service: 'question-service', envVar: 'QUESTION_DATABASE_URL', database: 'peerprep_questions' },
  { service: 'collaboration-service', envVar: 'COLLABORATION_DATABASE_URL', database: 'peerprep_collaboration' },
];

const INVALID_CATALOG_NAME = '3D000'; // database does not exist
const DUPLICATE_DATABASE = '42P04'; // someone else created it first

/** The URL a service's database is prepared at. */
export function databaseUrlFor({ envVar, database }, env = process.env) {
  return env[envVar] || `postgresql://postgres@127.0.0.1:5432/${database}`;
}

/**
 * Prepares the three databases side by side (each `migrate deploy` spends
 * ~10 s waiting on a timer inside Prisma's wasm engine, so in parallel it is
 * one wait, not three). Resolves with what was done; rejects naming the
 * service that failed, with Prisma's output.
 */
export async function prepareDatabases({ log = console.log, env = process.env } = {}) {
  return Promise.all(
    SERVICE_DATABASES.map(async (target) => {
      const url = databaseUrlFor(target, env);
      const created = await createDatabaseIfMissing(url);
      log(`[${target.service}] database ${databaseName(url)} ${created ? 'created' : 'exists'}`);
      const output = await migrateDeploy(target.service, url, env);
      const summary = output.includes('No pending migrations') ? 'no pending migrations' : 'migrations applied';
      log(`[${target.service}] ${summary}`);
      return { service: target.service, database: databaseName(url), created };
    }),
  );
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function createDatabaseIfMissing(url) {
  try {
    await withClient(url, () => undefined);
    return false;
  } catch (error) {
    if (error.code !== INVALID_CATALOG_NAME) throw error;
  }
  // Connect to the server's maintenance database to create the missing one.
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  const name = databaseName(url).replace(/"/g, '""');
  try {
    await withClient(maintenanceUrl.toString(), (client) => client.query(`CREATE DATABASE "${name}"`));
    return true;
  } catch (error) {
    if (error.code === DUPLICATE_DATABASE) return false;
    throw error;
  }
}

async function withClient(url, use) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function migrateDeploy(service, url, env) {
  const config = path.join('apps', service, 'prisma.config.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, 'migrate', 'deploy', '--config', config], {
      cwd: workspaceRoot,
      env: { ...env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`[${service}] prisma migrate deploy failed (exit ${code}):\n${output}`));
    });
  });
}

const runAsScript = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runAsScript) {
  prepareDatabases().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
