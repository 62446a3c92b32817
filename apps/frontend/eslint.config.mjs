// The workspace rules (module boundaries included) plus Next's own: React,
// hooks, accessibility (jsx-a11y) and Next.js pitfalls.
import nextVitals from 'eslint-config-next/core-web-vitals';
import baseConfig from '../../eslint.config.mjs';

const config = [
  ...baseConfig,
  ...nextVitals,
  {
    settings: { next: { rootDir: 'apps/frontend/' } },
  },
  {
    // Tool configs, not app code: they extend the workspace's shared presets by
    // relative path, which the boundary rule (meant for project imports) rejects.
    files: ['**/eslint.config.mjs', '**/jest.config.cjs', '**/next.config.ts', '**/postcss.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];

export default config;
