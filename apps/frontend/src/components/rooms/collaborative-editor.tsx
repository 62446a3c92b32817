'use client';

import type { Language } from '@peerprep/contracts';
import { useEffect, useState } from 'react';
import { MonacoBinding } from 'y-monaco';
import type { RoomSession } from '../../lib/rooms/room-session';
import type { RunDiagnostics } from '../../lib/runs/diagnostics';
import { CodeEditor, type MonacoEditorInstance } from '../editor/code-editor';

export interface CollaborativeEditorProps {
  session: RoomSession;
  language: Language;
  readOnly: boolean;
  /** The newest run's compile diagnostics, as markers until the code changes. */
  diagnostics: RunDiagnostics | null;
}

/**
 * Monaco bound to the room's shared code with y-monaco: edits, remote cursors
 * and selections (their colours come from RemoteCursorStyles). The binding
 * lives exactly as long as this editor and this session: StrictMode's second
 * effect run gets a fresh one after the first is destroyed.
 */
export function CollaborativeEditor({ session, language, readOnly, diagnostics }: CollaborativeEditorProps) {
  const [editor, setEditor] = useState<MonacoEditorInstance | null>(null);

  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const binding = new MonacoBinding(session.parts.code, model, new Set([editor]), session.awareness);
    return () => binding.destroy();
  }, [editor, session]);

  return <CodeEditor language={language} readOnly={readOnly} ariaLabel="Shared code editor" onMount={setEditor} diagnostics={diagnostics} />;
}
