/** Enough words for any real search; the rest are dropped rather than rejected. */
const MAX_SEARCH_WORDS = 12;

/**
 * A search box's text as a Postgres tsquery in which every word is a prefix
 * (`two su` → `two:* & su:*`), so results appear while the user is still
 * typing. Only letters and digits survive, so the text can never inject
 * tsquery operators. Null when no word is left.
 */
export function toPrefixTsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, MAX_SEARCH_WORDS)
    .map((word) => `${word}:*`)
    .join(' & ');
}
