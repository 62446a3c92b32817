import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * The frontend's source as an import graph, read from the files (for the
 * tests that hold the bundle's shape: what a page loads, and from where).
 */

export const SRC = path.resolve(__dirname, '../src');

export interface Import {
  specifier: string;
  /** `import('…')`, loaded when first used rather than with the importer. */
  dynamic: boolean;
  /** A static import that brings no value, only types (`import { type A } from`): erased by the compiler. */
  typesOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier a file imports (`import type` left out: it is erased). */
function importsOf(source: string): Import[] {
  const found: Import[] = [];
  for (const [, clause = '', specifier = ''] of source.matchAll(/^import\s+(?!type\s)([^'"]*?)\s*(?:from\s+)?'([^']+)'/gm)) {
    const values = clause.replace(/\btype\s+\w+(\s+as\s+\w+)?/g, '').replace(/[{},\s]/g, '');
    found.push({ specifier, dynamic: false, typesOnly: clause !== '' && values === '' });
  }
  for (const [, specifier = ''] of source.matchAll(/import\('([^']+)'\)/g)) found.push({ specifier, dynamic: true, typesOnly: false });
  return found;
}

/** The file a relative specifier names, or null (a package, or nothing there). */
export function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.tsx`, `${base}.ts`, path.join(base, 'index.tsx'), path.join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export const files = sourceFiles(SRC);
const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
export const imports = new Map(files.map((file) => [file, importsOf(sources.get(file) ?? '')]));

/** The modules importing each module (statically or dynamically). */
export const importers = new Map<string, string[]>(files.map((file) => [file, []]));
for (const [file, found] of imports) {
  for (const { specifier } of found) {
    const target = resolveImport(file, specifier);
    if (target) importers.get(target)?.push(file);
  }
}

/** A `'use client'` module: where the browser's part of a page starts. */
export const isClientModule = (file: string) => /^\s*['"]use client['"]/.test(sources.get(file) ?? '');

/** The files of Next's app router that start a page's module graph (pages, layouts, boundaries). */
export const routeFiles = files.filter((file) =>
  /^(page|layout|template|loading|error|global-error|not-found)\.tsx$/.test(path.basename(file)) && file.startsWith(path.join(SRC, 'app')),
);
