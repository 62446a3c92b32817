// The shared jest preset is workspace tooling, not a project, so the
// module-boundary rule does not apply to it.
const preset = require('../../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'messaging',
  rootDir: __dirname,
};
