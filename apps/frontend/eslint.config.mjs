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
];

export default config;
