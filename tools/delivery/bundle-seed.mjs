#!/usr/bin/env node
// Bundles question-service's seed runner (src/seed/run-seed.ts) next to the
// service's own bundle, as dist/apps/question-service/seed.js, so the seed
// one-shot runs from the production image with `node seed.js`: no tsx, no
// sources, no dev dependencies. It keeps external exactly the packages the
// service's generated package.json installs (the Prisma runtime is bundled,
// as in main.js), so the pruned install that serves main.js serves it too.
// Run after `nx build question-service`, from the workspace root.
//
// The seed's reference solutions (prisma/seed/reference-solutions.ts) are
// read from the seed's source files and typed solutions are stripped with the
// `typescript` package, neither of which the image has. So they are worked
// out here, once, by the seed's own code, and the bundle gets that module
// replaced by the result.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const appRoot = 'apps/question-service';
const seedDir = path.resolve(appRoot, 'prisma/seed');
const outDir = process.argv[2] ?? 'dist/apps/question-service';
const manifest = JSON.parse(readFileSync(path.join(outDir, 'package.json'), 'utf8'));
const tsconfig = path.join(appRoot, 'tsconfig.app.json');

/** Every seed question's reference solutions by slug, as `prisma/seed/index.ts` attaches them. */
async function referenceSolutionsBySlug() {
  const { outputFiles } = await build({
    entryPoints: [path.join(seedDir, 'index.ts')],
    tsconfig,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['typescript'],
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  // One module (the loader) reads __dirname: the seed folder, as when it runs from source.
  new Function('require', 'module', 'exports', '__dirname', outputFiles[0].text)(
    createRequire(import.meta.url),
    module,
    module.exports,
    seedDir,
  );
  return Object.fromEntries(module.exports.seedQuestions.map(({ question }) => [question.slug, question.referenceSolutions]));
}

const solutions = await referenceSolutionsBySlug();
const precomputedReferenceSolutions = {
  name: 'precomputed-reference-solutions',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]prisma[\\/]seed[\\/]reference-solutions\.ts$/ }, () => ({
      loader: 'js',
      contents: `const solutions = ${JSON.stringify(solutions)};
export function referenceSolutionsOf(question) {
  const found = solutions[question.slug];
  if (!found) throw new Error('No reference solutions were bundled for seed question ' + question.slug);
  return found;
}`,
    }));
  },
};

await build({
  entryPoints: [path.join(appRoot, 'src/seed/run-seed.ts')],
  outfile: path.join(outDir, 'seed.js'),
  tsconfig,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: Object.keys(manifest.dependencies ?? {}),
  plugins: [precomputedReferenceSolutions],
  logLevel: 'warning',
});
