'use client';

import type { Language } from '@peerprep/contracts';
import { useEffect, useState } from 'react';
import { MonacoBinding } from 'y-monaco';
import type * as Y from 'yjs';
import type { RoomSession } from '../../lib/rooms/room-session';
import type { RunDiagnostics } from '../../lib/runs/diagnostics';
import { CodeEditor, type MonacoEditorInstance } from '../editor/code-editor';

export interface CollaborativeEditorProps {
  session: RoomSession;
  /** The shared text shown: the room's code, or a mock interview round's (`session.parts.round2Code`). */
  text?: Y.Text;
  /**
   * Whether this editor's cursor is shared with the partner (awareness). Off
   * for a past round's code shown read-only: one cursor per client, and it
   * belongs to the live round.
   */
  shareCursor?: boolean;
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
export function CollaborativeEditor({ session, text, shareCursor = true, language, readOnly, diagnostics }: CollaborativeEditorProps) {
  const [editor, setEditor] = useState<MonacoEditorInstance | null>(null);
  const shared = text ?? session.parts.code;

  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const binding = new MonacoBinding(shared, model, new Set([editor]), shareCursor ? session.awareness : undefined);
    return () => binding.destroy();
  }, [editor, session, shared, shareCursor]);

  return <CodeEditor language={language} readOnly={readOnly} ariaLabel="Shared code editor" onMount={setEditor} diagnostics={diagnostics} />;
}
