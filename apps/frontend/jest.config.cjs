const preset = require('../../jest.preset.cjs');

const ESM_PACKAGES = [
  'jose',
  'react-markdown',
  'remark-[^/]+',
  'rehype-[^/]+',
  'unified',
  'bail',
  'ccount',
  'character-entities[^/]*',
  'comma-separated-tokens',
  'decode-named-character-reference',
  'devlop',
  'escape-string-regexp',
  'estree-util-[^/]+',
  'hast-util-[^/]+',
  'html-url-attributes',
  'is-plain-obj',
  'longest-streak',
  'markdown-table',
  'mdast-util-[^/]+',
  'micromark[^/]*',
  'property-information',
  'space-separated-tokens',
  'trim-lines',
  'trough',
  'unist-util-[^/]+',
  'vfile[^/]*',
  'zwitch',
];

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'frontend',
  rootDir: __dirname,
  // CSS imports only matter to the Next bundler; tests render components alone.
  moduleNameMapper: { ...preset.moduleNameMapper, '\\.css$': '<rootDir>/test/style-stub.cjs' },
  // react-markdown and the unified ecosystem behind it ship ESM only: SWC makes
  // them CommonJS for jest, as the preset does for jose.
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
};
