const preset = require('../../../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'question-service-config',
  rootDir: __dirname,
};
