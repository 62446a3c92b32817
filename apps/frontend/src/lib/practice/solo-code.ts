import { LANGUAGES, MAX_SOURCE_BYTES, type Language } from '@peerprep/contracts';

/**
 * A student's code on a question's page, kept in the browser between visits:
 * one entry per question and language (switching language keeps both), and
 * the language last used. Storage may be missing or refuse writes (private
 * windows, a full quota): the editor then works for this visit only.
 */

export type CodeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'peerprep:practice';
export const soloCodeKey = (questionId: string, language: Language) => `${PREFIX}:${questionId}:code:${language}`;
export const soloLanguageKey = (questionId: string) => `${PREFIX}:${questionId}:language`;

/** The browser's localStorage, or null where reading it throws (blocked storage). */
export function browserStorage(): CodeStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function read(storage: CodeStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: CodeStorage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Quota or privacy mode: the code stays in the editor for this visit.
  }
}

/** The kept code for this question and language, else the starter code. */
export function loadSoloCode(storage: CodeStorage | null, questionId: string, language: Language, starter: string): string {
  return read(storage, soloCodeKey(questionId, language)) ?? starter;
}

/** Keeps `code`; code equal to the starter is forgotten, so a starter updated later shows through. */
export function saveSoloCode(storage: CodeStorage | null, questionId: string, language: Language, code: string, starter: string): void {
  write(storage, soloCodeKey(questionId, language), code === starter ? null : code);
}

export function loadSoloLanguage(storage: CodeStorage | null, questionId: string): Language | null {
  const value = read(storage, soloLanguageKey(questionId));
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null;
}

export function saveSoloLanguage(storage: CodeStorage | null, questionId: string, language: Language): void {
  write(storage, soloLanguageKey(questionId), language);
}

/** Why `code` cannot be sent as it is (the server would refuse it), or null. */
export function soloCodeProblem(code: string): string | null {
  if (code.trim() === '') return 'Write some code first.';
  if (new TextEncoder().encode(code).length > MAX_SOURCE_BYTES) {
    return 'The code is larger than 64 KiB, the most a run accepts. Shorten it and try again.';
  }
  return null;
}
