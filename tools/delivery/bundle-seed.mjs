#!/usr/bin/env node
// Bundles question-service's seed runner (src/seed/run-seed.ts) next to the
// service's own bundle, as dist/apps/question-service/seed.js, so the seed
// one-shot runs from the production image with `node seed.js`: no tsx, no
// sources, no dev dependencies. It keeps external exactly the packages the
// service's generated package.json installs (the Prisma runtime is bundled,
// as in main.js), so the pruned install that serves main.js serves it too.
// Run after `nx build question-service`, from the workspace root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const appRoot = 'apps/question-service';
const outDir = process.argv[2] ?? 'dist/apps/question-service';
const manifest = JSON.parse(readFileSync(path.join(outDir, 'package.json'), 'utf8'));

await build({
  entryPoints: [path.join(appRoot, 'src/seed/run-seed.ts')],
  outfile: path.join(outDir, 'seed.js'),
  tsconfig: path.join(appRoot, 'tsconfig.app.json'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: Object.keys(manifest.dependencies ?? {}),
  logLevel: 'warning',
});
