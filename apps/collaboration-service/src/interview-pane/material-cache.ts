import type { InterviewerMaterial } from '@peerprep/contracts';
import type { InterviewerMaterialSource } from '../questions/interviewer-material-source';

export interface MaterialCacheOptions {
  /** How long an answer (a question's material, or "no such question") is reused. */
  ttlMs: number;
  now?: () => number;
  /** Entries kept at most; the oldest goes first. */
  maxEntries?: number;
}

/**
 * question-service's interviewer material, reused for `ttlMs` on this
 * replica. The pane is read on every open and every hint release, by two
 * peers per room over two rounds, while a question's material changes only
 * when an admin edits it: an edit shows within `ttlMs`. Concurrent reads of
 * one question share one request; a failure is not kept, so the next read
 * asks again.
 */
export function createCachedMaterialSource(source: InterviewerMaterialSource, options: MaterialCacheOptions): InterviewerMaterialSource {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1_000;
  const entries = new Map<string, { at: number; answer: Promise<InterviewerMaterial | null> }>();

  return {
    get(questionId) {
      const cached = entries.get(questionId);
      if (cached && now() - cached.at < options.ttlMs) return cached.answer;
      entries.delete(questionId);
      const answer = source.get(questionId);
      entries.set(questionId, { at: now(), answer });
      answer.catch(() => {
        if (entries.get(questionId)?.answer === answer) entries.delete(questionId);
      });
      // Map keeps insertion order: the first key is the oldest entry.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return answer;
    },
  };
}
