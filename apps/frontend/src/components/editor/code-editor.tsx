'use client';

import Editor, { type OnMount } from '@monaco-editor/react';
import type { Language } from '@peerprep/contracts';
import CircularProgress from '@mui/material/CircularProgress';
import { useColorScheme } from '@mui/material/styles';
import type { editor } from 'monaco-editor';
import { useCompactLayout } from '../use-compact-layout';
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
  height?: string;
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
export function CodeEditor({ language, readOnly, ariaLabel, value, onMount, height = '100%' }: CodeEditorProps) {
  const { mode, systemMode } = useColorScheme();
  const dark = (mode === 'system' ? systemMode : mode) === 'dark';
  // On a phone every column counts: a narrow gutter, no folding arrows.
  const compact = useCompactLayout();
  const handleMount: OnMount = (instance) => onMount?.(instance);
  return (
    <Editor
      height={height}
      language={language}
      value={value}
      theme={dark ? DARK_EDITOR_THEME : 'light'}
      loading={<EditorLoading />}
      onMount={handleMount}
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
