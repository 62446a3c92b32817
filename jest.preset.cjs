// Shared jest settings: TypeScript through SWC, and the workspace's
// tsconfig path aliases (@peerprep/*) mapped to library sources.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: false },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // ESM-only packages (jose 6): Node >= 20.19 can require() them, jest's module
  // system cannot, so SWC turns them into CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper,
  testMatch: ['**/?(*.)+(spec|test).[jt]s?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.next/'],
  clearMocks: true,
  // Backend apps' supertest responses to /api/... are checked against the OpenAPI document.
  setupFilesAfterEnv: [path.join(__dirname, 'libs/testing/src/jest/openapi-conformance.setup.ts')],
};
