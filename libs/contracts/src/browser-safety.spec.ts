import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * The frontend bundles this library, so its runtime code may import only zod
 * and its own files. The Node-only entry points are allowed their packages
 * (the generator in openapi.ts, ajv in openapi-conformance.ts), and the index
 * must never reach them.
 */
const NODE_ONLY_IMPORTS: Record<string, string[]> = {
  'openapi.ts': ['@asteasolutions/zod-to-openapi'],
  'openapi-conformance.ts': ['ajv/dist/2020', 'ajv-formats'],
};
const SRC = __dirname;
const isSpec = (file: string) => file.endsWith('.spec.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !isSpec(entry.name) ? [path] : [];
  });
}

function importsIn(source: string): string[] {
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
}

const importsOf = (file: string) => importsIn(readFileSync(file, 'utf8'));

describe('browser safety of @peerprep/contracts', () => {
  const files = sourceFiles(SRC);

  it('finds the sources it checks', () => {
    expect(files.map((file) => relative(SRC, file))).toEqual(
      expect.arrayContaining(['index.ts', ...Object.keys(NODE_ONLY_IMPORTS)]),
    );
  });

  it.each(files.map((file) => [relative(SRC, file), file]))('%s imports only zod and relative files', (name, file) => {
    const allowed = (specifier: string) =>
      specifier === 'zod' ||
      specifier.startsWith('./') ||
      specifier.startsWith('../') ||
      (NODE_ONLY_IMPORTS[name]?.includes(specifier) ?? false);
    expect(importsOf(file).filter((specifier) => !allowed(specifier))).toEqual([]);
  });

  it('keeps the Node-only entry points out of everything the index reaches', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const specifier of importsOf(file).filter((s) => s.startsWith('.'))) {
        const base = join(file, '..', specifier);
        const target = files.find((candidate) => candidate === `${base}.ts` || candidate === join(base, 'index.ts'));
        if (!target) throw new Error(`${relative(SRC, file)}: cannot resolve ${specifier}`);
        visit(target);
      }
    };
    visit(join(SRC, 'index.ts'));
    for (const nodeOnly of Object.keys(NODE_ONLY_IMPORTS)) expect(reached.has(join(SRC, nodeOnly))).toBe(false);
    expect(reached.size).toBeGreaterThan(5);
  });

  it('sees every form of import it must forbid', () => {
    const probe = [
      "import { readFileSync } from 'node:fs';",
      "import type { Request } from 'express';",
      "export * from '@peerprep/messaging';",
      "import 'pino';",
      "const pg = require('pg');",
      "const ioredis = await import('ioredis');",
    ].join('\n');
    expect(importsIn(probe).sort()).toEqual(['@peerprep/messaging', 'express', 'ioredis', 'node:fs', 'pg', 'pino']);
  });
});
