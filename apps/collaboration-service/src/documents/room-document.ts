import { chatMessageSchema, languageSchema, roomDocument, type ChatMessage, type Language } from '@peerprep/contracts';
import * as Y from 'yjs';

/**
 * The first state of a room's document: the room's language and that
 * language's starter code. It is written with the room, so every replica (and
 * every client) starts from the same bytes; a client never seeds content,
 * which would duplicate it when two clients did so at once.
 */
export function initialDocumentUpdate(language: Language, starterCode: string): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      doc.getMap(roomDocument.meta).set(roomDocument.metaKeys.language, language);
      doc.getText(roomDocument.code).insert(0, starterCode);
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
  return {
    code: doc.getText(roomDocument.code).toString(),
    language: language.success ? language.data : null,
    chat,
    endedBy: typeof endedBy === 'string' ? endedBy : null,
  };
}
