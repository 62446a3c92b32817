const preset = require('../../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'collaboration-service',
  rootDir: __dirname,
  // Integration suites run real replicas, providers and restarts on a loaded 2-core machine.
  testTimeout: 30_000,
};
