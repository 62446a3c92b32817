import path from 'node:path';
import { imports, isClientModule, resolveImport, routeFiles, SRC } from '../../test/import-graph';

/*
 * Importing a schema builds it, and a module's schemas are built when the
 * module is first imported: a browser module that imports a schema (or zod)
 * statically builds it, with every schema its module imports, while the page
 * hydrates. `@peerprep/contracts` itself builds all of them, a long task on
 * a phone (it was most of /history's blocking time, through a date
 * formatter's module). Pages load their schemas with `loadContracts` when
 * an answer or a submitted form needs them; this walks each page's static
 * imports from its first `'use client'` module on and names the ones that
 * do not.
 */

/** What builds schemas when imported: zod and the contracts, but for their zod-free entry points. */
const BUILDS_SCHEMAS = /^(zod|@peerprep\/contracts(\/(?!(constants|cookies|clock)$)[\w-]+)?)$/;

/** Pages that work with schemas from their first render, and why. */
const SCHEMAS_FROM_THE_START: Readonly<Record<string, string>> = {
  'app/rooms/[id]/page.tsx': 'the shared document, the chat and the call signals are read with their schemas as soon as the room opens',
  'app/admin/questions/new/page.tsx': 'the question form checks every field with the question schema as the admin types',
  'app/admin/questions/[idOrSlug]/edit/page.tsx': 'the question form checks every field with the question schema as the admin types',
};

/** Each browser module of `route` that imports a schema at run time, as "chain → module [specifier]". */
function schemaImportsOnFirstLoad(route: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, inBrowser: boolean, chain: readonly string[]) => {
    const browser = inBrowser || isClientModule(file);
    if (seen.has(`${browser}:${file}`)) return;
    seen.add(`${browser}:${file}`);
    const here = [...chain, path.relative(SRC, file)];
    for (const { specifier, dynamic, typesOnly } of imports.get(file) ?? []) {
      if (dynamic || typesOnly) continue;
      if (browser && BUILDS_SCHEMAS.test(specifier)) found.push(`${here.join(' → ')} [${specifier}]`);
      const target = resolveImport(file, specifier);
      if (target) walk(target, browser, here);
    }
  };
  walk(route, false, []);
  return found;
}

describe('schemas on a page\'s first load', () => {
  it('are built by no page but those that need them from the start', () => {
    const offenders = routeFiles
      .filter((route) => !(path.relative(SRC, route) in SCHEMAS_FROM_THE_START))
      .flatMap(schemaImportsOnFirstLoad);
    expect(offenders).toEqual([]);
  });

  it('sees the schema imports of the pages that need them (the walk reads the source)', () => {
    for (const route of Object.keys(SCHEMAS_FROM_THE_START)) {
      expect({ route, found: schemaImportsOnFirstLoad(path.join(SRC, route)).length > 0 }).toEqual({ route, found: true });
    }
  });
});
