import { CHAT_MESSAGE_MAX_LENGTH, chatMessageSchema, ROOM_CHAT_MESSAGE_TYPE, ROOM_LIMITS, type ChatMessage } from '@peerprep/contracts';
import * as encoding from 'lib0/encoding';

export { CHAT_MESSAGE_MAX_LENGTH };

/** Why a chat line is not sent: blank, too long, the chat is full, the session ended, or the page is not connected. */
export type ChatRefusal = 'empty' | 'tooLong' | 'full' | 'ended' | 'offline';

export type ChatDraftResult = { ok: true; text: string } | { ok: false; reason: 'empty' | 'tooLong' | 'full' };

/**
 * What is sent for what the user typed: the trimmed text, refused when blank,
 * over the limit, or when the chat already holds as many lines as the server
 * takes (the server's own rules, so it never has to close the socket). The
 * server stamps the line with its id, the author and the time.
 */
export function checkChatDraft(text: string, linesInChat: number): ChatDraftResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (trimmed.length > CHAT_MESSAGE_MAX_LENGTH) return { ok: false, reason: 'tooLong' };
  if (linesInChat >= ROOM_LIMITS.chatMaxMessages) return { ok: false, reason: 'full' };
  return { ok: true, text: trimmed };
}

/** The editor socket's chat message (ROOM_CHAT_MESSAGE_TYPE): the text alone. */
export function encodeChatMessage(text: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ROOM_CHAT_MESSAGE_TYPE);
  encoding.writeVarString(encoder, text);
  return encoding.toUint8Array(encoder);
}

/**
 * The messages of the shared chat array, oldest first. Only the server
 * writes it; anything that breaks the contract is still left out, never
 * guessed at.
 */
export function readChatMessages(items: readonly unknown[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const item of items) {
    const parsed = chatMessageSchema.safeParse(item);
    if (parsed.success) messages.push(parsed.data);
  }
  return messages;
}
