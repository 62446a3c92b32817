interface Entry<T> {
  user: T;
  /** Epoch ms from which the token must be verified again (it may be expired by then). */
  until: number;
}

/**
 * Tokens that verified, by their exact text, each until the moment it would
 * stop being accepted. A signature check costs ~0.1 ms of CPU and a client
 * sends the same token with every request for its whole life, so services
 * that see many requests per user (matching: one per match and one per
 * status socket) verify each token once instead of every time.
 *
 * Least recently used entries are dropped beyond `maxEntries`. Only tokens
 * that passed every check are stored, and any change to the text (a tampered
 * payload or signature) is a different key, so the cache can only answer
 * "valid" for exactly the bytes that were verified, and never at or past
 * `until`. Like the tokens themselves, an entry cannot be revoked early.
 */
export class VerifiedTokenCache<T extends object> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The token's user while it is acceptable; a fresh object each time, so callers cannot alter the entry. */
  get(token: string): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (this.now() >= entry.until) return undefined;
    // Re-inserted last: Map keeps insertion order, so the first key is the least recently used.
    this.entries.set(token, entry);
    return { ...entry.user };
  }

  /** `until`: epoch ms at which the token stops being acceptable (its exp, or earlier). */
  set(token: string, user: T, until: number): void {
    if (this.maxEntries <= 0 || !(until > this.now())) return;
    this.entries.delete(token);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(token, { user: { ...user }, until });
  }
}
