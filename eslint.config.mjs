// One ESLint config for the whole workspace. The module-boundary rules are the
// architecture in executable form: see tools/workspace/module-boundaries.spec.ts.
import nx from '@nx/eslint-plugin';

// The backend services, each with its config library (`type:config`, tagged
// `service:<name>` like the app): a service reads only its own configuration.
const SERVICES = ['api-gateway', 'user-service', 'question-service', 'matching-service', 'collaboration-service', 'execution-service'];

const depConstraints = ({ allowTesting }) => {
  // Test files (and only they) of backend projects may use the testing library.
  const testing = allowTesting ? ['type:testing'] : [];
  return [
  // Layering by type: apps sit on top of libs; libs never reach up.
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access', 'type:config', ...testing],
  },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts'] },
  // A service's env schema: what its app boots with and what the deployment
  // checks in tools/ read. Nothing else depends on it.
  {
    sourceTag: 'type:config',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access', ...testing],
  },
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
  // Workspace tooling sits outside the apps: it may read the services' config
  // schemas (and its tests may use the testing library), never app source.
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:config', ...testing] },
  // Scopes: the browser only gets browser-safe (shared) code; shared code
  // never pulls in a backend library.
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared'] },
  { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:backend'] },
  ...SERVICES.map((service) => ({
    sourceTag: `service:${service}`,
    notDependOnLibsWithTags: SERVICES.filter((other) => other !== service).map((other) => `service:${other}`),
  })),
  ];
};

const boundaries = (allowTesting) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    // The workspace-root presets that project config files extend (jest
    // configs, a project's eslint.config.mjs): files of no project, so only a
    // relative path reaches them.
    allow: ['^(\\.\\./)+(jest\\.preset\\.cjs|eslint\\.config\\.mjs)$'],
    banTransitiveDependencies: false,
    // The frontend loads contracts' zod schemas on first use (apps/frontend
    // src/lib/contracts.ts) while importing its types and its zod-free
    // subpaths (constants, cookies) statically: both on purpose.
    checkDynamicDependenciesExceptions: ['@peerprep/contracts'],
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
      // Reference solutions in five languages: data the sandbox runs, not workspace code.
      'apps/question-service/prisma/seed/solutions/**',
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
];
