import type { EntryPoint } from '@peerprep/contracts';
import { MARKER_PREFIX_LITERAL, TESTS_FILE } from './driver-protocol';

/**
 * JavaScript (and TypeScript once transpiled): the solution is a script, not
 * a module, so the driver evaluates it with vm in a function scope whose
 * result is the entry function (or a `Solution` class with the method).
 * Numbers need no conversion; only non-finite doubles become null.
 */
export function javascriptDriver(entryPoint: EntryPoint, solutionPath: string): string {
  const name = entryPoint.functionName;
  return `'use strict';
const fs = require('node:fs');
const vm = require('node:vm');

const channel = 3;
const send = (message) => fs.writeSync(channel, JSON.stringify(message) + '\\n');
const describe = (error) =>
  error instanceof Error ? error.name + (error.message ? ': ' + error.message : '') : 'thrown: ' + String(error);

function loadEntry() {
  const source = fs.readFileSync(${JSON.stringify(solutionPath)}, 'utf8');
  // On the first line, so the user's line numbers stay the same in stack traces.
  const wrapped =
    '(function () {' + source +
    '\\n;return typeof ${name} === "function" ? ${name} : typeof Solution === "function" ? (...a) => new Solution().${name}(...a) : undefined;\\n})';
  const entry = vm.runInThisContext(wrapped, { filename: ${JSON.stringify(solutionPath.split('/').pop())} })();
  if (typeof entry !== 'function') throw new ReferenceError('no function named ${name}');
  return entry;
}

function main() {
  const [start, count] = process.argv.slice(2).map(Number);
  const tests = JSON.parse(fs.readFileSync(${JSON.stringify(TESTS_FILE)}, 'utf8'));
  let entry;
  for (let i = start; i < Math.min(start + count, tests.length); i += 1) {
    process.stdout.write('${MARKER_PREFIX_LITERAL}' + i + '\\n');
    process.stderr.write('${MARKER_PREFIX_LITERAL}' + i + '\\n');
    send({ t: 'start', i });
    const began = performance.now();
    try {
      entry ??= loadEntry();
      const value = entry(...tests[i]);
      const ms = performance.now() - began;
      const json = JSON.stringify(value === undefined ? null : value, (_key, item) =>
        typeof item === 'number' && !Number.isFinite(item) ? null : item,
      );
      fs.writeSync(channel, '{"t":"done","i":' + i + ',"ms":' + ms + ',"value":' + json + '}\\n');
    } catch (error) {
      const ms = performance.now() - began;
      process.stderr.write((error && error.stack) || String(error));
      process.stderr.write('\\n');
      send({ t: 'error', i, ms, error: describe(error) });
    }
  }
}

main();
`;
}
