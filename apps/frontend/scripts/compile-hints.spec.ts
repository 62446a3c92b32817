import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
const { addCompileHints, COMPILE_HINT } = require('./compile-hints.cjs') as {
  addCompileHints(nextDir: string): string[];
  COMPILE_HINT: string;
};

describe('addCompileHints', () => {
  let nextDir: string;
  const chunk = (name: string) => path.join(nextDir, 'static/chunks', name);

  beforeEach(() => {
    nextDir = mkdtempSync(path.join(tmpdir(), 'compile-hints-'));
    mkdirSync(path.join(nextDir, 'static/chunks'), { recursive: true });
    for (const name of ['framework.js', 'runtime.js', 'page.js']) writeFileSync(chunk(name), `(self.TURBOPACK||[]).push(["${name}"]);\n`);
  });
  afterEach(() => rmSync(nextDir, { recursive: true, force: true }));

  const writeManifest = (manifest: unknown) => writeFileSync(path.join(nextDir, 'build-manifest.json'), JSON.stringify(manifest));

  it('puts the hint on the first line of the chunks every page runs at start, and only those', () => {
    writeManifest({ rootMainFiles: ['static/chunks/framework.js', 'static/chunks/runtime.js'], polyfillFiles: [] });
    expect(addCompileHints(nextDir)).toEqual(['static/chunks/framework.js', 'static/chunks/runtime.js']);
    expect(readFileSync(chunk('framework.js'), 'utf8')).toBe(`${COMPILE_HINT}(self.TURBOPACK||[]).push(["framework.js"]);\n`);
    expect(readFileSync(chunk('runtime.js'), 'utf8').split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(readFileSync(chunk('page.js'), 'utf8')).toBe('(self.TURBOPACK||[]).push(["page.js"]);\n');
  });

  it('changes nothing when run again (a cached build restored, then the step re-run)', () => {
    writeManifest({ rootMainFiles: ['static/chunks/framework.js'] });
    addCompileHints(nextDir);
    addCompileHints(nextDir);
    expect(readFileSync(chunk('framework.js'), 'utf8')).toBe(`${COMPILE_HINT}(self.TURBOPACK||[]).push(["framework.js"]);\n`);
  });

  it('stops the build when the manifest is missing or no longer names the start-up chunks', () => {
    expect(() => addCompileHints(nextDir)).toThrow(/run next build first/);
    writeManifest({ pages: {} });
    expect(() => addCompileHints(nextDir)).toThrow(/lists no rootMainFiles/);
    writeManifest({ rootMainFiles: ['static/chunks/gone.js'] });
    expect(() => addCompileHints(nextDir)).toThrow(/gone\.js, listed in .* is not in the build/);
  });
});
