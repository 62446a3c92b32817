// Heap snapshots, by object kind: the collab bench's memory per room.
//
//   node tools/bench/collab/heap-diff.cjs <before.heapsnapshot> <after.heapsnapshot> [rooms] [rows]
//   node tools/bench/collab/heap-diff.cjs --objects <file.heapsnapshot>
//
// The first form prints the kinds whose count or self size changed most
// between two snapshots (keep the bench's with BENCH_HEAP_DIR, see
// server-probe.cjs), with the growth per room when `rooms` is given (how many
// rooms the second snapshot holds over the first). Self sizes only: what an
// object retains is its children's rows.
//
// `--objects` prints, as JSON, the bytes of the objects a snapshot holds
// (`objects`) and of V8's "code" kind (`code`): compiled code, bytecode, and
// what the JIT keeps with them (feedback vectors, deoptimisation data,
// relocation info, source positions), which grow as a server warms up, not
// with the rooms it holds. The bench reads its per-room heap this way.
// Off-heap memory (`native`: array buffers' contents) is in neither: the heap
// is what the figures compare. Plain CommonJS: runs under node with no loader.
const fs = require('node:fs');

function summarise(file) {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
  const meta = snapshot.snapshot.meta;
  const fields = meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const types = meta.node_types[0];
  const { nodes, strings } = snapshot;
  const byKind = new Map();
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    // Strings and code are grouped by type; objects by constructor name.
    const kind = type === 'object' || type === 'closure' || type === 'native' ? `${type} ${strings[nodes[i + nameAt]]}` : type;
    const entry = byKind.get(kind) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += nodes[i + sizeAt];
    byKind.set(kind, entry);
  }
  return byKind;
}

/** Bytes of the snapshot's objects and of its code (self sizes; off-heap `native` memory and roots left out). */
function objectBytes(file) {
  let objects = 0;
  let code = 0;
  for (const [kind, { size }] of summarise(file)) {
    if (kind === 'code') code += size;
    else if (kind !== 'synthetic' && !kind.startsWith('native ')) objects += size;
  }
  return { objects, code };
}

function main() {
  if (process.argv[2] === '--objects') {
    console.log(JSON.stringify(objectBytes(process.argv[3])));
    return;
  }
  const [before, after, roomsArg, rowsArg] = process.argv.slice(2);
  if (!before || !after) {
    console.error('usage: heap-diff.cjs <before.heapsnapshot> <after.heapsnapshot> [rooms] [rows]');
    process.exit(2);
  }
  const rooms = Number(roomsArg) || 1;
  const rows = Number(rowsArg) || 40;
  const [a, b] = [summarise(before), summarise(after)];
  const diff = [];
  let total = 0;
  for (const kind of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(kind) ?? { count: 0, size: 0 }, b.get(kind) ?? { count: 0, size: 0 }];
    const size = y.size - x.size;
    total += size;
    if (size !== 0 || y.count !== x.count) diff.push({ kind, count: y.count - x.count, size });
  }
  diff.sort((l, r) => Math.abs(r.size) - Math.abs(l.size));
  const perRoom = (n) => (n / rooms).toFixed(rooms > 1 ? 1 : 0);
  console.log(`self size grew by ${(total / 1024).toFixed(1)} KB in all${rooms > 1 ? `, ${(total / rooms / 1024).toFixed(2)} KB a room` : ''}\n`);
  console.log(['bytes/room'.padStart(11), 'objects/room'.padStart(13), 'kind'].join('  '));
  for (const row of diff.slice(0, rows)) console.log([perRoom(row.size).padStart(11), perRoom(row.count).padStart(13), row.kind].join('  '));
}

main();
