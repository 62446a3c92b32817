import path from 'node:path';
import { files, importers, imports, resolveImport, SRC } from '../../../test/import-graph';

/*
 * The root layout has no MUI theme (mui-scope.tsx): an MUI component rendered
 * outside a MuiScope would get MUI's default theme and no style cache on the
 * server. This walks the source's import graph (static imports and dynamic
 * `import()`) and checks that every module drawing MUI components is either a
 * scope itself (it imports MuiScope) or reachable only through modules that
 * are, up to the pages.
 */

/** MUI entry points that draw nothing: hooks, theming, the pre-paint script. */
const HEADLESS = /^@mui\/material\/(styles|usePagination|InitColorSchemeScript)(\/|$)/;

const scopeModule = path.join(SRC, 'components/mui/mui-scope.tsx');
const isScope = (file: string) =>
  file === scopeModule || (imports.get(file) ?? []).some(({ specifier }) => resolveImport(file, specifier) === scopeModule);
const drawsMui = (file: string) =>
  (imports.get(file) ?? []).some(({ specifier }) => /^@mui\/(material|icons-material)\//.test(specifier) && !HEADLESS.test(specifier));

/** The chains from a page (or another root) to `file` that pass no scope; empty when every way in is scoped. */
function unscopedChains(file: string, seen: ReadonlySet<string> = new Set()): string[][] {
  if (isScope(file)) return [];
  const from = importers.get(file) ?? [];
  if (from.length === 0) return [[file]];
  return from
    .filter((importer) => !seen.has(importer))
    .flatMap((importer) => unscopedChains(importer, new Set([...seen, file])).map((chain) => [...chain, file]));
}

describe('MuiScope coverage', () => {
  const drawing = files.filter(drawsMui);

  it('finds the modules that draw MUI (the walk sees the source)', () => {
    expect(drawing.map((file) => path.relative(SRC, file))).toEqual(
      expect.arrayContaining(['components/rooms/room-view.tsx', 'components/mui/alert.tsx', 'components/auth/account-menu.tsx']),
    );
  });

  it('reaches every module that draws MUI only through a MuiScope', () => {
    const unscoped = drawing.flatMap((file) => unscopedChains(file)).map((chain) => chain.map((file) => path.relative(SRC, file)).join(' → '));
    expect(unscoped).toEqual([]);
  });

  it('keeps MUI out of the root layout', () => {
    expect(isScope(path.join(SRC, 'app/layout.tsx'))).toBe(false);
    expect(drawsMui(path.join(SRC, 'app/layout.tsx'))).toBe(false);
  });
});
