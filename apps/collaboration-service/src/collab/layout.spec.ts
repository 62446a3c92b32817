import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const src = path.resolve(__dirname, '..');
const collab = __dirname;

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

/** Which part of the editor a file of src/collab is: its folder, or the top-level file's name. */
function partOf(file: string): string {
  const [first, second] = path.relative(collab, file).split(path.sep);
  return second === undefined ? first.replace(/\.ts$/, '') : first;
}

const inside = (folder: string, file: string) => !path.relative(folder, file).startsWith('..');

/**
 * What each part of the live editor may import besides itself. The parts do
 * one job each and meet only in live-rooms.ts, which composes them.
 */
const allowed: Record<string, string[]> = {
  // The one record every part reads; it names the fan-out message type only.
  'live-room': ['fanout'],
  protocol: ['live-room'],
  registry: ['live-room'],
  fanout: ['live-room', 'protocol'],
  persistence: ['live-room'],
  socket: ['live-room'],
};

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

  it('lets each part of the editor import only the parts below it', () => {
    const violations: string[] = [];
    for (const file of filesUnder(collab)) {
      const part = partOf(file);
      const may = allowed[part];
      if (!may) continue; // live-rooms.ts (the composition) and the end-to-end specs
      for (const target of localImports(file)) {
        if (!inside(collab, target)) continue;
        const other = partOf(target);
        if (other !== part && !may.includes(other)) violations.push(`${path.relative(collab, file)} -> ${path.relative(collab, target)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('knows every part there is', () => {
    const parts = new Set(filesUnder(collab).map(partOf));
    expect([...parts].sort()).toEqual([...Object.keys(allowed), 'editor.int.spec', 'layout.spec', 'live-rooms'].sort());
  });
});
