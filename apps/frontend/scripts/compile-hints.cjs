// V8's explicit compile hints (https://v8.dev/blog/explicit-compile-hints):
// a script that starts with the magic comment below has all its functions
// compiled eagerly, on a background thread while it downloads. Without it V8
// compiles each function on the main thread the first time it is called, and
// the framework's chunks (React, Next's router, the Turbopack runtime), whose
// code nearly all runs while a page starts, spent most of their start-up task
// compiling: that task is the longest one every page has (≈ 90 ms here, so
// ≈ 350 ms on a mid-range phone; with the hint ≈ 40 ms). Only those chunks get
// it: for code that runs later or not at all, eager compilation only costs
// memory. Browsers without compile hints read a comment.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Adds the hint to the chunks every page runs at start (`rootMainFiles` of
 * Next's build manifest) in the build at `nextDir` (`.next`); a chunk that
 * has it already is left alone, so running it twice changes nothing.
 * Returns the chunks, relative to `nextDir`.
 */
function addCompileHints(nextDir) {
  const manifestFile = path.join(nextDir, 'build-manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`No ${manifestFile}: run next build first`);
  const { rootMainFiles } = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (!Array.isArray(rootMainFiles) || rootMainFiles.length === 0) {
    throw new Error(`${manifestFile} lists no rootMainFiles: did Next change its build manifest?`);
  }
  for (const chunk of rootMainFiles) {
    const file = path.join(nextDir, chunk);
    if (!existsSync(file)) throw new Error(`${chunk}, listed in ${manifestFile}, is not in the build`);
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith(HINT)) writeFileSync(file, HINT + code);
  }
  return rootMainFiles;
}

module.exports = { addCompileHints, COMPILE_HINT: HINT };

if (require.main === module) {
  const chunks = addCompileHints(path.join(__dirname, '..', '.next'));
  console.log(`Compile hints on the framework's chunks: ${chunks.join(', ')}`);
}
