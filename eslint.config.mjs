// One ESLint config for the whole workspace. The module-boundary rules are the
// architecture in executable form: see tools/workspace/module-boundaries.spec.ts.
import nx from '@nx/eslint-plugin';

const depConstraints = ({ allowTesting }) => {
  // Test files (and only they) of backend projects may use the testing library.
  const testing = allowTesting ? ['type:testing'] : [];
  return [
  // Layering by type: apps sit on top of libs; libs never reach up.
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access', ...testing],
  },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...testing] },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access', ...testing],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access', 'type:testing'],
  },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: [] },
  // Scopes: the browser only gets browser-safe (shared) code; shared code
  // never pulls in a backend library.
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared'] },
  { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: [] },
  ];
};

const boundaries = (allowTesting) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: [],
    banTransitiveDependencies: false,
    depConstraints: depConstraints({ allowTesting }),
  },
];

const testFiles = ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**/*.ts', '**/*.int.spec.ts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/.next',
      '**/.nx',
      '**/generated/**',
      '**/next-env.d.ts',
      '**/test-results',
      '**/playwright-report',
      '**/coverage',
      'tools/workspace/fixtures/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only tests may use the testing library.
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tool configuration, not app code: it loads workspace presets and helpers
    // (jest preset, root ESLint config, tools/prisma) by relative path, which
    // the boundary rule, meant for project imports, would reject.
    files: [
      '**/*.cjs',
      '**/eslint.config.mjs',
      '**/prisma.config.ts',
      '**/next.config.ts',
      '**/postcss.config.mjs',
      '**/playwright.config.ts',
    ],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
