const preset = require('../../../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'user-service-config',
  rootDir: __dirname,
};
