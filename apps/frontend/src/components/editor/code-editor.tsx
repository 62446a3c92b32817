'use client';

import Editor, { type Monaco, type OnMount } from '@monaco-editor/react';
import type { Language } from '@peerprep/contracts';
import CircularProgress from '@mui/material/CircularProgress';
import type { editor } from 'monaco-editor';
import { useEffect, useState } from 'react';
import { diagnosticsToMarkers, RUN_MARKER_OWNER, type RunDiagnostics } from '../../lib/runs/diagnostics';
import { useCompactLayout } from '../use-compact-layout';
import { useDarkScheme } from '../use-dark-scheme';
import { DARK_EDITOR_THEME } from './monaco-setup';

export type MonacoEditorInstance = editor.IStandaloneCodeEditor;

export interface CodeEditorProps {
  language: Language;
  readOnly: boolean;
  /** Names the editor for assistive technology (Monaco puts it on its textarea). */
  ariaLabel: string;
  /** A fixed text (the history view). Leave it out when a binding owns the model's content. */
  value?: string;
  onMount?: (editor: MonacoEditorInstance) => void;
  /** Every edit, for an editor whose text the page keeps (solo practice). */
  onChange?: (value: string) => void;
  /**
   * A run's compile diagnostics, shown as markers on their lines until the
   * code changes; a new object (another run, or null) replaces them. Keep it
   * the same object while it means the same run.
   */
  diagnostics?: RunDiagnostics | null;
  height?: string;
}

/** Puts `diagnostics` on the editor's model as markers, and takes them off at the first edit. */
function useRunMarkers(mounted: { editor: MonacoEditorInstance; monaco: Monaco } | null, diagnostics: RunDiagnostics | null) {
  useEffect(() => {
    const model = mounted?.editor.getModel();
    if (!mounted || !model) return;
    const { monaco } = mounted;
    const severities = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning };
    const markers = diagnostics ? diagnosticsToMarkers(diagnostics.diagnostics, model, severities) : [];
    monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, markers);
    if (markers.length === 0) return;
    const clear = () => monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, []);
    // The lines they name no longer mean the same once the code changes (by either peer).
    const subscription = model.onDidChangeContent(() => {
      clear();
      subscription.dispose();
    });
    return () => {
      subscription.dispose();
      if (!model.isDisposed()) clear();
    };
  }, [mounted, diagnostics]);
}

function EditorLoading() {
  return (
    <div role="status" className="flex h-full items-center justify-center gap-3 text-muted">
      <CircularProgress size={20} aria-hidden="true" />
      <span>Loading the editor…</span>
    </div>
  );
}

/**
 * Monaco, bundled (see monaco-setup), following the site's light or dark
 * scheme. Contract languages are Monaco language ids already.
 */
export function CodeEditor({ language, readOnly, ariaLabel, value, onMount, onChange, diagnostics = null, height = '100%' }: CodeEditorProps) {
  const dark = useDarkScheme();
  // On a phone every column counts: a narrow gutter, no folding arrows.
  const compact = useCompactLayout();
  const [mounted, setMounted] = useState<{ editor: MonacoEditorInstance; monaco: Monaco } | null>(null);
  useRunMarkers(mounted, diagnostics);
  const handleMount: OnMount = (instance, monaco) => {
    setMounted({ editor: instance, monaco });
    onMount?.(instance);
  };
  return (
    <Editor
      height={height}
      language={language}
      value={value}
      theme={dark ? DARK_EDITOR_THEME : 'light'}
      loading={<EditorLoading />}
      onMount={handleMount}
      onChange={onChange ? (next) => onChange(next ?? '') : undefined}
      options={{
        readOnly,
        domReadOnly: readOnly,
        readOnlyMessage: { value: 'This session has ended: the code is read-only.' },
        ariaLabel,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 4,
        scrollBeyondLastLine: false,
        // Room above the first line for a remote cursor's name label.
        padding: { top: 18 },
        fixedOverflowWidgets: true,
        // Explicit both ways (Monaco's defaults otherwise): updateOptions merges, so a rotated phone gets them back.
        lineNumbersMinChars: compact ? 3 : 5,
        folding: !compact,
        lineDecorationsWidth: compact ? 8 : 10,
      }}
    />
  );
}
