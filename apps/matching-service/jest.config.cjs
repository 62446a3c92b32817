const preset = require('../../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'matching-service',
  rootDir: __dirname,
  // Integration suites wait on real Redis/RabbitMQ and short match windows; a loaded 2-core machine needs headroom.
  testTimeout: 30_000,
};
