import type { PaneHint } from '@peerprep/contracts';

/** Notes are saved this long after the last keystroke: one request per pause, not per key. */
export const NOTES_SAVE_DELAY_MS = 800;

export type NotesStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** The notes' save state, in words (a status line beside the box). */
export function notesStatusText(status: NotesStatus): string {
  switch (status) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return 'Not saved: the server refused or could not be reached. Keep typing to try again.';
    default:
      return 'Only you can read these notes; they are saved as you type.';
  }
}

/**
 * The hint the interviewer may release next: the first one not released yet
 * (the server takes them in order only). `released` adds what the room heard
 * since the pane loaded. Null when all are out (or there are none).
 */
export function nextHintToRelease(hints: readonly Pick<PaneHint, 'index' | 'released'>[], released: ReadonlySet<number>): number | null {
  const next = [...hints].sort((a, b) => a.index - b.index).find((hint) => !hint.released && !released.has(hint.index));
  return next ? next.index : null;
}
