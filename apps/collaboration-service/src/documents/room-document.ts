import {
  chatMessageSchema,
  interviewRoundDocument,
  languageSchema,
  roomDocument,
  type ChatMessage,
  type Language,
  type RoundIndex,
} from '@peerprep/contracts';
import * as Y from 'yjs';

/**
 * The first state of a room's document: the room's language and that
 * language's starter code. It is written with the room, so every replica (and
 * every client) starts from the same bytes; a client never seeds content,
 * which would duplicate it when two clients did so at once.
 */
export function initialDocumentUpdate(language: Language, starterCode: string, options: { interview?: boolean } = {}): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      doc.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, language);
      doc.getText(roomDocument.code).insert(0, starterCode);
      // A mock interview opens with no round to write in: round one starts once both peers have connected.
      if (options.interview) doc.getMap(roomDocument.meta).set(roomDocument.metaKeys.round, 0);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Merges Yjs updates (a snapshot and the log after it) into one compact state. */
export function mergeDocumentUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export interface RoomDocumentContent {
  code: string;
  /** Null when no valid language was ever set (the room's own then applies). */
  language: Language | null;
  /**
   * The chat as stored; entries that are not valid messages (a client can
   * write anything into the shared array) are left out.
   */
  chat: ChatMessage[];
  endedBy: string | null;
  /** `meta.round` of a mock interview (the round clients may write, 0 for none); null in pair rooms. */
  round: 0 | RoundIndex | null;
  /** Round two's code and language in a mock interview (empty and null until the server writes them as round two starts). */
  round2: { code: string; language: Language | null };
}

/** The round whose code clients may write (`meta.round`): 0 for none, null when the room has no rounds (pair practice). */
export function writableRound(doc: Y.Doc): 0 | RoundIndex | null {
  const round = doc.getMap<unknown>(roomDocument.meta).get(roomDocument.metaKeys.round);
  return round === 0 || round === 1 || round === 2 ? round : null;
}

/** A round's code and language as the document holds them (round one's are the room's own `code` and `language`). */
export function roundContent(content: RoomDocumentContent, round: RoundIndex): { code: string; language: Language | null } {
  return round === 1 ? { code: content.code, language: content.language } : content.round2;
}

/**
 * The server's write when a round starts or the interview ends: which
 * round's code clients may write from now on (0: none). Written by the
 * replica that committed the step, inside the caller's transaction.
 */
export function setWritableRound(doc: Y.Doc, round: 0 | RoundIndex): void {
  const meta = doc.getMap<unknown>(roomDocument.meta);
  if (meta.get(roomDocument.metaKeys.round) !== round) meta.set(roomDocument.metaKeys.round, round);
}

/**
 * Round two's fresh editor, written by the server as round two starts (and
 * never before: its starter code would show question two to round one's
 * interviewer): question two's starter code in round one's final language,
 * and that language as round two's own. Does nothing when round two's code
 * or language is already there (another step wrote them), so the starter is
 * never inserted twice by one replica.
 */
export function openRoundTwo(doc: Y.Doc, fallbackLanguage: Language, starterCode: (language: Language) => string): void {
  const meta = doc.getMap<unknown>(roomDocument.meta);
  const keys = interviewRoundDocument[2];
  const text = doc.getText(keys.code);
  if (text.length === 0 && meta.get(keys.language) === undefined) {
    const parsed = languageSchema.safeParse(meta.get(roomDocument.metaKeys.language));
    const language = parsed.success ? parsed.data : fallbackLanguage;
    meta.set(keys.language, language);
    text.insert(0, starterCode(language));
  }
  setWritableRound(doc, 2);
}

/** What a room's document holds, read with the same names the frontend writes. */
export function readRoomDocument(doc: Y.Doc): RoomDocumentContent {
  const meta = doc.getMap<unknown>(roomDocument.meta);
  const language = languageSchema.safeParse(meta.get(roomDocument.metaKeys.language));
  const endedBy = meta.get(roomDocument.metaKeys.endedBy);
  const chat: ChatMessage[] = [];
  for (const entry of doc.getArray<unknown>(roomDocument.chat).toArray()) {
    const message = chatMessageSchema.safeParse(entry);
    if (message.success) chat.push(message.data);
  }
  const language2 = languageSchema.safeParse(meta.get(roomDocument.metaKeys.round2Language));
  return {
    code: doc.getText(roomDocument.code).toString(),
    language: language.success ? language.data : null,
    chat,
    endedBy: typeof endedBy === 'string' ? endedBy : null,
    round: writableRound(doc),
    round2: { code: doc.getText(roomDocument.round2Code).toString(), language: language2.success ? language2.data : null },
  };
}
