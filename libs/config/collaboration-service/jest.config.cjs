const preset = require('../../../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'collaboration-service-config',
  rootDir: __dirname,
};
