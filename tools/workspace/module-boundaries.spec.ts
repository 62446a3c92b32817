import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The architecture rules of docs/architecture.md ("Module boundaries") are enforced by
 * @nx/enforce-module-boundaries in eslint.config.mjs. These tests lint small
 * snippets as if they lived in real project files, so a rule that silently
 * stops applying (a lost tag, a loosened constraint) fails here.
 */
const workspaceRoot = path.resolve(__dirname, '../..');
const eslintBin = path.join(workspaceRoot, 'node_modules/eslint/bin/eslint.js');

interface LintResult {
  messages: { ruleId: string | null; severity: number; message: string }[];
}

/** Lints `code` through the real ESLint CLI as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', path.join(workspaceRoot, filePath)],
    { cwd: workspaceRoot, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  // Without a project graph the rule skips itself with a warning: that must
  // fail these tests, not pass them vacuously.
  if (/No cached ProjectGraph/.test(run.stdout + run.stderr)) throw new Error('module boundary rule was skipped');
  const report = run.stdout.slice(run.stdout.indexOf('['));
  if (!report) throw new Error(`eslint produced no report: ${run.stderr}`);
  const [result] = JSON.parse(report) as LintResult[];
  return result.messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries' && m.severity === 2)
    .map((m) => m.message);
}

const use = (specifier: string) => `import * as dep from '${specifier}';\nexport const used = dep;\n`;

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  beforeAll(() => {
    // The rule reads Nx's cached project graph; make sure it exists and is current.
    const nx = spawnSync(process.execPath, [require.resolve('nx/bin/nx.js'), 'show', 'projects'], {
      cwd: workspaceRoot,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      encoding: 'utf8',
    });
    if (nx.status !== 0) throw new Error(`nx show projects failed: ${nx.stderr}`);
  });

  it('lets the frontend import the browser-safe contracts', async () => {
    expect(await boundaryErrors('apps/frontend/src/lib/example.ts', use('@peerprep/contracts'))).toEqual([]);
  });

  it.each(['@peerprep/service-kit', '@peerprep/messaging', '@peerprep/auth', '@peerprep/testing'])(
    'rejects the frontend importing the backend library %s',
    async (specifier) => {
      expect(await boundaryErrors('apps/frontend/src/lib/example.ts', use(specifier))).not.toEqual([]);
    },
  );

  it('rejects an app importing another app', async () => {
    expect(
      await boundaryErrors('apps/user-service/src/example.ts', use('../../matching-service/src/main')),
    ).not.toEqual([]);
  });

  it('rejects a library importing an app', async () => {
    expect(await boundaryErrors('libs/messaging/src/example.ts', use('../../../apps/user-service/src/main'))).not.toEqual(
      [],
    );
  });

  it('rejects the shared contracts importing a backend library', async () => {
    expect(await boundaryErrors('libs/contracts/src/example.ts', use('@peerprep/messaging'))).not.toEqual([]);
  });

  it('rejects a util library importing a data-access library', async () => {
    expect(await boundaryErrors('libs/service-kit/src/example.ts', use('@peerprep/messaging'))).not.toEqual([]);
  });

  it('lets a backend app use the service kit, messaging and contracts', async () => {
    const code = `${use('@peerprep/service-kit')}import * as m from '@peerprep/messaging';\nimport * as c from '@peerprep/contracts';\nexport const more = [m, c];\n`;
    expect(await boundaryErrors('apps/matching-service/src/example.ts', code)).toEqual([]);
  });

  it('keeps the testing library out of production code but allows it in tests', async () => {
    expect(await boundaryErrors('apps/user-service/src/example.ts', use('@peerprep/testing'))).not.toEqual([]);
    expect(await boundaryErrors('apps/user-service/src/example.spec.ts', use('@peerprep/testing'))).toEqual([]);
  });

  it("lets a service read its own config library but not another service's", async () => {
    expect(await boundaryErrors('apps/matching-service/src/example.ts', use('@peerprep/matching-service-config'))).toEqual([]);
    expect(await boundaryErrors('apps/matching-service/src/example.ts', use('@peerprep/user-service-config'))).not.toEqual([]);
  });

  it('rejects a library importing a config library', async () => {
    expect(await boundaryErrors('libs/service-kit/src/example.ts', use('@peerprep/user-service-config'))).not.toEqual([]);
  });

  it('lets workspace tooling read the config libraries, and its tests use the testing library', async () => {
    expect(await boundaryErrors('tools/delivery/example.ts', use('@peerprep/user-service-config'))).toEqual([]);
    expect(await boundaryErrors('tools/delivery/example.spec.ts', use('@peerprep/testing'))).toEqual([]);
  });

  it.each(['@peerprep/service-kit', '@peerprep/messaging', '@peerprep/contracts', '@peerprep/testing', '#prisma-migrate'])(
    'rejects workspace tooling importing the runtime library %s',
    async (specifier) => {
      expect(await boundaryErrors('tools/delivery/example.ts', use(specifier))).not.toEqual([]);
    },
  );

  it('rejects workspace tooling importing app source by path', async () => {
    expect(await boundaryErrors('tools/bench/example.ts', use('../../apps/question-service/src/app'))).not.toEqual([]);
  });

  it('checks tool config files too: prisma.config.ts reaches the migrate library only by its alias', async () => {
    expect(await boundaryErrors('apps/user-service/prisma.config.ts', use('#prisma-migrate'))).toEqual([]);
    expect(await boundaryErrors('apps/user-service/prisma.config.ts', use('../../libs/prisma-migrate/src/index'))).not.toEqual([]);
  });

  it('lets a project config file extend the workspace-root presets, and nothing else by path', async () => {
    expect(await boundaryErrors('apps/user-service/jest.config.cjs', "module.exports = require('../../jest.preset.cjs');\n")).toEqual([]);
    expect(await boundaryErrors('apps/user-service/jest.config.cjs', "module.exports = require('../../tools/jest.config.cjs');\n")).not.toEqual([]);
  });
});
