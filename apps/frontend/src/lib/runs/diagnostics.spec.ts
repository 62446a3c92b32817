import { diagnosticsToMarkers, runDiagnostics } from './diagnostics';

/** A model with these lines (Monaco's max column is the length + 1). */
function fakeModel(lines: string[]) {
  return { getLineCount: () => lines.length, getLineMaxColumn: (line: number) => lines[line - 1].length + 1 };
}

const SEVERITIES = { error: 8, warning: 4 };

describe('diagnosticsToMarkers', () => {
  const model = fakeModel(['class Solution {', '    int f() { return x; }', '', '}']);

  it('puts each diagnostic on its line, from its column to the end of the line', () => {
    const markers = diagnosticsToMarkers([{ line: 2, column: 22, severity: 'error', message: 'cannot find symbol x' }], model, SEVERITIES);
    expect(markers).toEqual([
      { severity: 8, message: 'cannot find symbol x', startLineNumber: 2, startColumn: 22, endLineNumber: 2, endColumn: 26, source: 'compiler' },
    ]);
  });

  it('marks just the word at the column when the model can tell', () => {
    const withWords = { ...model, getWordAtPosition: ({ column }: { column: number }) => (column === 22 ? { startColumn: 22, endColumn: 23 } : null) };
    const [marker] = diagnosticsToMarkers([{ line: 2, column: 22, severity: 'error', message: 'x' }], withWords, SEVERITIES);
    expect(marker).toMatchObject({ startColumn: 22, endColumn: 23 });
  });

  it('marks the whole line when there is no column, with the warning severity for warnings', () => {
    const [marker] = diagnosticsToMarkers([{ line: 1, column: null, severity: 'warning', message: 'unused' }], model, SEVERITIES);
    expect(marker).toMatchObject({ severity: 4, startLineNumber: 1, startColumn: 1, endColumn: 17 });
  });

  it('leaves out diagnostics that name no line', () => {
    expect(diagnosticsToMarkers([{ line: null, column: null, severity: 'error', message: 'linker failed' }], model, SEVERITIES)).toEqual([]);
  });

  it('clamps a line past the end of shorter code to the last line, and a column past the line', () => {
    const [late] = diagnosticsToMarkers([{ line: 40, column: 3, severity: 'error', message: 'x' }], model, SEVERITIES);
    expect(late).toMatchObject({ startLineNumber: 4, endLineNumber: 4, startColumn: 1, endColumn: 2 });
    const [wide] = diagnosticsToMarkers([{ line: 1, column: 99, severity: 'error', message: 'x' }], model, SEVERITIES);
    expect(wide).toMatchObject({ startColumn: 16, endColumn: 17 });
  });

  it('still shows a one-column squiggle on an empty line', () => {
    const [marker] = diagnosticsToMarkers([{ line: 3, column: 1, severity: 'error', message: 'x' }], model, SEVERITIES);
    expect(marker).toMatchObject({ startLineNumber: 3, startColumn: 1, endColumn: 2 });
  });
});

describe('runDiagnostics', () => {
  const diagnostics = [{ line: 3, column: 5, severity: 'error' as const, message: 'expected ;' }];
  const done = { id: 'r1', phase: 'done', language: 'java', result: { compile: { diagnostics } } };

  it('gives a finished run\'s diagnostics for the editor of its language', () => {
    expect(runDiagnostics(done, 'java')).toEqual({ key: 'r1', diagnostics });
  });

  it('gives nothing while a new run is going, for another language, or without a line to mark', () => {
    expect(runDiagnostics({ ...done, phase: 'queued', result: null }, 'java')).toBeNull();
    expect(runDiagnostics(done, 'python')).toBeNull();
    expect(runDiagnostics({ ...done, result: { compile: { diagnostics: [{ ...diagnostics[0], line: null }] } } }, 'java')).toBeNull();
    expect(runDiagnostics(null, 'java')).toBeNull();
  });
});
