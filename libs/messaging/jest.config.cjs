// The shared jest preset is workspace tooling, not a project, so the
// module-boundary rule does not apply to it.
const preset = require('../../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'messaging',
  rootDir: __dirname,
  // One file at a time: the outbox fault test boots and restarts a private
  // RabbitMQ node and pushes 10,000 events, and beside it the timing-sensitive
  // work-queue tests (connections cut mid-job through a proxy) lost their
  // channels on a 2-core runner.
  maxWorkers: 1,
};
