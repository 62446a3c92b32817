/**
 * "14:05" in the reader's locale and time zone: a chat line's time, in the
 * room and in the history. Kept apart from `chat.ts`, whose contract imports
 * would build every schema of the contracts on the history pages' first load.
 */
export function formatChatTime(sentAt: string, locale?: string): string {
  return new Date(sentAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
