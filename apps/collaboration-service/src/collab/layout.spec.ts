import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const src = path.resolve(__dirname, '..');

/** Every .ts file under a folder. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The files of src/ a file imports (relative imports, resolved; packages left out). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']*)'/g)].map((match) => match[1]);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier));
}

const inside = (folder: string, file: string) => !path.relative(folder, file).startsWith('..');

describe('the layout of the live editor', () => {
  it('keeps rooms/ and collab/ from importing each other (app.ts wires them)', () => {
    const crossings: string[] = [];
    for (const [from, to] of [
      ['rooms', 'collab'],
      ['collab', 'rooms'],
    ]) {
      for (const file of filesUnder(path.join(src, from))) {
        for (const target of localImports(file)) {
          if (inside(path.join(src, to), target)) crossings.push(`${path.relative(src, file)} -> ${path.relative(src, target)}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });
});
