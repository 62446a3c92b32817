const preset = require('../../../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'api-gateway-config',
  rootDir: __dirname,
};
