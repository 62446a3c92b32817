#!/usr/bin/env node
// `prisma migrate dev` for one service, around two defects of the Prisma 6.19
// CLI with the wasm schema engine (see libs/prisma-migrate/src/migrate-adapter.ts):
// - after `migrate dev` itself applies pending migrations, its data-loss check
//   fails with "PostgreSQL shadow DB must be provided through an external
//   factory". So pending migrations are applied first with `migrate deploy`.
// - `--create-only` writes the migration, then exits 1 with "null pointer
//   passed to rust" because the CLI frees the engine twice. That exact failure
//   counts as success when a new migration folder did appear.
//
// Usage: node libs/prisma-migrate/bin/migrate-dev.mjs --config apps/<svc>/prisma.config.ts [--name <name>] [--create-only]
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const args = process.argv.slice(2);
const configIndex = args.indexOf('--config');
if (configIndex === -1 || !args[configIndex + 1]) {
  console.error('Usage: migrate-dev.mjs --config <prisma.config.ts> [--name <name>] [--create-only]');
  process.exit(2);
}
const configPath = args[configIndex + 1];
const configArgs = ['--config', configPath];
// Every service keeps its migrations in prisma/migrations beside its config.
const migrationsDir = path.join(path.dirname(configPath), 'prisma', 'migrations');
const listMigrations = () => readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

/** Runs the Prisma CLI, echoing its output, and resolves with its exit code and output. */
function prisma(cliArgs, { capture }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...cliArgs], {
      stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    for (const [stream, sink] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      stream?.on('data', (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const deploy = await prisma(['migrate', 'deploy', ...configArgs], { capture: false });
if (deploy.code !== 0) process.exit(deploy.code);

const createOnly = args.includes('--create-only');
const before = new Set(listMigrations());
const dev = await prisma(['migrate', 'dev', ...args], { capture: createOnly });
const created = listMigrations().filter((name) => !before.has(name));
if (createOnly && dev.code !== 0 && created.length === 1 && dev.output.includes('null pointer passed to rust')) {
  console.error(`(ignore the error above: a known Prisma 6.19 CLI defect after writing the migration)`);
  console.log(`Created ${path.join(migrationsDir, created[0], 'migration.sql')}; edit it if needed, then run prisma-migrate-dev again to apply it.`);
  process.exit(0);
}
process.exit(dev.code);
