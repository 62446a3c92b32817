import type { Diagnostic } from '@peerprep/contracts';

/**
 * Compile diagnostics as Monaco markers. Framework-free (no Monaco import):
 * the editor passes its model and Monaco's `MarkerSeverity`, tests pass fakes.
 */

/** The one owner of the markers a run puts on a model: setting `[]` for it clears exactly those. */
export const RUN_MARKER_OWNER = 'peerprep-run';

/** What the mapping reads of a Monaco text model. */
export interface MarkerModel {
  getLineCount(): number;
  getLineMaxColumn(lineNumber: number): number;
  /** Monaco's word under a position, so the squiggle covers the name at fault. */
  getWordAtPosition?(position: { lineNumber: number; column: number }): { startColumn: number; endColumn: number } | null;
}

/** Monaco's `MarkerSeverity` values for the two severities a compiler reports. */
export interface MarkerSeverities {
  error: number;
  warning: number;
}

/** Monaco's `IMarkerData`, the fields set here. */
export interface RunMarker {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  source: string;
}

/**
 * One marker per diagnostic that names a line, on that line of the model
 * (clamped to the last line: the code may be shorter than when it ran). With
 * a column, it marks the word there (else from there to the end of the
 * line); without, the whole line. A diagnostic without a line stays in the compiler output only.
 */
export function diagnosticsToMarkers(
  diagnostics: readonly Diagnostic[],
  model: MarkerModel,
  severities: MarkerSeverities,
  source = 'compiler',
): RunMarker[] {
  const lineCount = model.getLineCount();
  return diagnostics.flatMap((diagnostic) => {
    if (diagnostic.line === null) return [];
    const line = Math.min(Math.max(1, diagnostic.line), lineCount);
    const lineEnd = model.getLineMaxColumn(line);
    let startColumn = diagnostic.column === null ? 1 : Math.min(diagnostic.column, Math.max(1, lineEnd - 1));
    let endColumn = lineEnd;
    const word = diagnostic.column === null ? null : (model.getWordAtPosition?.({ lineNumber: line, column: startColumn }) ?? null);
    if (word) {
      startColumn = word.startColumn;
      endColumn = word.endColumn;
    }
    return [
      {
        severity: diagnostic.severity === 'error' ? severities.error : severities.warning,
        message: diagnostic.message,
        startLineNumber: line,
        startColumn,
        endLineNumber: line,
        // An empty line still gets a visible squiggle one column wide.
        endColumn: Math.max(endColumn, startColumn + 1),
        source,
      },
    ];
  });
}

/** The diagnostics a run leaves on the editor, with a key that changes only when the run does. */
export interface RunDiagnostics {
  key: string;
  diagnostics: readonly Diagnostic[];
}

/**
 * What a run leaves on the editor: its compile diagnostics once done, when
 * it ran the language the editor now shows (the lines would mean nothing in
 * another); null otherwise, which clears the markers (a new run started).
 */
export function runDiagnostics(
  run: { id: string; phase: string; language: string; result: { compile: { diagnostics: readonly Diagnostic[] } } | null } | null,
  editorLanguage: string,
): RunDiagnostics | null {
  if (!run || run.phase !== 'done' || !run.result || run.language !== editorLanguage) return null;
  const { diagnostics } = run.result.compile;
  if (!diagnostics.some((diagnostic) => diagnostic.line !== null)) return null;
  return { key: run.id, diagnostics };
}
