import { CHAT_MESSAGE_MAX_LENGTH, chatMessageSchema, type ChatMessage } from '@peerprep/contracts';

export { CHAT_MESSAGE_MAX_LENGTH };

export interface ChatAuthor {
  id: string;
  name: string;
}

export type ChatDraftResult = { ok: true; message: ChatMessage } | { ok: false; reason: 'empty' | 'tooLong' };

/**
 * 32 hex characters from the platform's CSPRNG. `crypto.randomUUID` exists only
 * in secure contexts (not on a plain-http LAN address); `getRandomValues` does everywhere.
 */
export function randomMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The chat line to push for what the user typed: trimmed, refused when blank
 * or over the limit (the contract's own rule, so the server never drops it).
 */
export function buildChatMessage(text: string, author: ChatAuthor, now: Date = new Date(), id: string = randomMessageId()): ChatDraftResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (trimmed.length > CHAT_MESSAGE_MAX_LENGTH) return { ok: false, reason: 'tooLong' };
  const message = chatMessageSchema.parse({ id, authorId: author.id, authorName: author.name, text: trimmed, sentAt: now.toISOString() });
  return { ok: true, message };
}

/**
 * The messages of the shared chat array, oldest first. Anything that breaks
 * the contract (a buggy or hostile client can push any value) is left out,
 * never guessed at.
 */
export function readChatMessages(items: readonly unknown[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const item of items) {
    const parsed = chatMessageSchema.safeParse(item);
    if (parsed.success) messages.push(parsed.data);
  }
  return messages;
}

/** "14:05" in the reader's locale and time zone. */
export function formatChatTime(sentAt: string, locale?: string): string {
  return new Date(sentAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
