import { interviewRoundDocument, languageSchema, roomDocument, type Language, type RoundIndex, type StarterCode } from '@peerprep/contracts';
import type * as Y from 'yjs';
import type { DocumentRound } from './interview-state';

/** The shared types of a room's Yjs document, by the names both ends agree on. */
export interface RoomDocumentParts {
  code: Y.Text;
  /** A mock interview's round two (empty in pair rooms, where nobody writes it). */
  round2Code: Y.Text;
  meta: Y.Map<unknown>;
  chat: Y.Array<unknown>;
}

export function roomDocumentParts(doc: Y.Doc): RoomDocumentParts {
  return {
    code: doc.getText(roomDocument.code),
    round2Code: doc.getText(roomDocument.round2Code),
    meta: doc.getMap<unknown>(roomDocument.meta),
    chat: doc.getArray<unknown>(roomDocument.chat),
  };
}

/**
 * The shared language (`key`: round two's in a mock interview), or null while
 * the document has not synced (or holds something unknown).
 */
export function readLanguage(meta: Y.Map<unknown>, key: 'language' | 'round2Language' = roomDocument.metaKeys.language): Language | null {
  const parsed = languageSchema.safeParse(meta.get(key));
  return parsed.success ? parsed.data : null;
}

/** A mock interview's `meta.round` (the round clients may write, 0 for none); null in a pair room, which has none. */
export function readDocumentRound(meta: Y.Map<unknown>): DocumentRound | null {
  const value = meta.get(roomDocument.metaKeys.round);
  return value === 0 || value === 1 || value === 2 ? value : null;
}

/** Who ended the session (a user id), or null while it is open. */
export function readEndedBy(meta: Y.Map<unknown>): string | null {
  const value = meta.get(roomDocument.metaKeys.endedBy);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Whether nobody has written anything yet: the code is empty or still the
 * starter code of `language` (surrounding whitespace ignored, since editors
 * add and trim final newlines).
 */
export function isEditorUntouched(code: string, starterCode: StarterCode, language: Language | null): boolean {
  const trimmed = code.trim();
  if (trimmed === '') return true;
  return language !== null && trimmed === starterCode[language].trim();
}

/** Marks this client's own edits, so observers can tell them from remote ones. */
export const LOCAL_ORIGIN = 'peerprep-local';

/**
 * Switches both users to `next`. If the editor is untouched, its code becomes
 * the new language's starter code in the same transaction, so the peer never
 * sees the new language with the old starter code (or the reverse).
 * `round` 2 switches a mock interview's round two (its own code and
 * language, and question two's starter code); pair rooms and round one use
 * the room's. Returns whether the code was replaced.
 */
export function switchLanguage(doc: Y.Doc, next: Language, starterCode: StarterCode, round: RoundIndex = 1): { changed: boolean; codeReplaced: boolean } {
  const keys = interviewRoundDocument[round];
  const code = doc.getText(keys.code);
  const { meta } = roomDocumentParts(doc);
  let result = { changed: false, codeReplaced: false };
  doc.transact(() => {
    const current = readLanguage(meta, keys.language);
    if (current === next) return;
    const untouched = isEditorUntouched(code.toString(), starterCode, current);
    meta.set(keys.language, next);
    if (untouched) {
      code.delete(0, code.length);
      code.insert(0, starterCode[next]);
    }
    result = { changed: true, codeReplaced: untouched };
  }, LOCAL_ORIGIN);
  return result;
}
