/**
 * What every generated driver does, in every language: read the tests'
 * arguments (JSON, never the expected values) from /src/tests.json, run tests
 * [start, start + count) in order, and for each one
 *   - write MARKER(i) to stdout and to stderr (after flushing the user's
 *     output), so the service can cut each stream per test;
 *   - write one JSON line to fd 3, the result channel:
 *       {"t":"start","i":i}                      before the call,
 *       {"t":"done","i":i,"ms":m,"value":v}       with the returned value as JSON, or
 *       {"t":"error","i":i,"ms":m,"error":"..."}  when the call threw.
 * A program that dies mid-test leaves a start without an end: the service
 * turns that into the test's verdict and starts a fresh box for the rest.
 */
export const TESTS_FILE = '/src/tests.json';
export const MARKER_PREFIX = '\u001e#peerprep-test ';

export function marker(index: number): string {
  return `${MARKER_PREFIX}${index}\n`;
}

/** An escaped literal of the marker prefix, for generated source in any of the five languages. */
export const MARKER_PREFIX_LITERAL = '\\u001e#peerprep-test ';
