const preset = require('../../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'execution-service',
  rootDir: __dirname,
  // Every sandboxed suite compiles and runs real programs (javac alone takes ~1.5 s) on a shared 2-core machine.
  testTimeout: 120_000,
  // Each suite runs several boxes at once already; two suites at a time keep the machine usable.
  maxWorkers: 2,
};
