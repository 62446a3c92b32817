const preset = require('../jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'tools',
  rootDir: __dirname,
  // tools/prisma is its own project (prisma-tools) with its own tests.
  testPathIgnorePatterns: [...preset.testPathIgnorePatterns, '<rootDir>/prisma/'],
};
