#!/usr/bin/env node
// Writes the package.json and a pruned package-lock.json of the migration
// one-shot image: only the Prisma CLI and what the services' prisma.config.ts
// (through libs/prisma-migrate) imports, at exactly the versions of the
// workspace lock, so `npm ci` in the image installs what CI tested. The
// package.json also carries the workspace's `#prisma-migrate` import alias, by
// which prisma.config.ts loads libs/prisma-migrate (copied beside it).
// Nx prunes the apps' locks the same way; this is the one install Nx does not
// generate, because the migration tools are not part of any bundle.
//
//   node tools/delivery/migrate-manifest.mjs <workspace package-lock.json> <output folder>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What `prisma migrate deploy --config apps/<svc>/prisma.config.ts` loads. */
export const MIGRATION_PACKAGES = ['prisma', '@prisma/adapter-pg', 'pg', 'dotenv'];

/** The root package.json's `imports` entry that prisma.config.ts resolves (dockerfiles.spec.ts checks they agree). */
export const MIGRATION_IMPORTS = { '#prisma-migrate': './libs/prisma-migrate/src/index.ts' };

/** Where npm would find `name` when required from the package installed at `fromPath`. */
function resolveInstallPath(packages, fromPath, name) {
  let base = fromPath;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const nested = base.lastIndexOf('/node_modules/');
    base = nested < 0 ? '' : base.slice(0, nested);
  }
}

/** The manifest and lock of an install holding only `roots` and their runtime dependencies. */
export function pruneLock(lock, roots = MIGRATION_PACKAGES) {
  const source = lock.packages;
  const dependencies = {};
  const kept = {};
  const queue = [];
  for (const name of roots) {
    const at = resolveInstallPath(source, '', name);
    if (!at) throw new Error(`${name} is not in the workspace lock`);
    dependencies[name] = source[at].version;
    queue.push(at);
  }
  while (queue.length > 0) {
    const at = queue.shift();
    if (kept[at]) continue;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = source[at];
    kept[at] = entry;
    const wanted = { ...entry.dependencies, ...entry.optionalDependencies };
    for (const [peer, range] of Object.entries(entry.peerDependencies ?? {})) {
      if (!entry.peerDependenciesMeta?.[peer]?.optional) wanted[peer] = range;
    }
    for (const name of Object.keys(wanted)) {
      const dependency = resolveInstallPath(source, at, name);
      // A missing optional dependency is another platform's binary.
      if (dependency) queue.push(dependency);
    }
  }
  const manifest = { name: 'peerprep-migrate', version: '0.0.0', private: true, imports: MIGRATION_IMPORTS, dependencies };
  const sorted = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)));
  return {
    manifest,
    lock: { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages: { '': { name: manifest.name, version: manifest.version, private: true, dependencies }, ...sorted } },
  };
}

const runAsScript = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runAsScript) {
  const [lockPath, outDir] = process.argv.slice(2);
  if (!lockPath || !outDir) {
    console.error('usage: migrate-manifest.mjs <package-lock.json> <output folder>');
    process.exit(2);
  }
  const { manifest, lock } = pruneLock(JSON.parse(readFileSync(lockPath, 'utf8')));
  delete lock.packages[''].private;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
}
