import type { Difficulty, Language } from '@peerprep/contracts';

/*
 * The matching rules as pure functions. The Lua scripts in queue.scripts.ts
 * implement exactly these over Redis indexes (one sorted set per difficulty
 * and topic, one per topic for the relaxed phase); the tests hold both to them.
 */

export type WaitingPhase = 'queued' | 'relaxed';

export interface WaitingRequest {
  requestId: string;
  userId: string;
  difficulty: Difficulty;
  topics: string[];
  language: Language;
  allowRelaxed: boolean;
  /** Enqueue order: lower is older (a Redis counter, so ties cannot happen). */
  seq: number;
  /** `relaxed` once the strict window ended for a request that allowed relaxation. */
  phase: WaitingPhase;
}

export interface AgreedTerms {
  difficulty: Difficulty;
  topics: string[];
  language: Language;
  /** True when the pair needed the relaxed rule (their difficulties differ). */
  relaxed: boolean;
}

export function sharedTopics(a: Pick<WaitingRequest, 'topics'>, b: Pick<WaitingRequest, 'topics'>): string[] {
  const other = new Set(b.topics);
  return a.topics.filter((topic) => other.has(topic));
}

/**
 * Two different users share a topic and either ask for the same difficulty
 * (strict), or are both in their relaxed phase (any difficulty).
 */
export function canPair(a: WaitingRequest, b: WaitingRequest): boolean {
  if (a.userId === b.userId) return false;
  if (sharedTopics(a, b).length === 0) return false;
  return a.difficulty === b.difficulty || (a.phase === 'relaxed' && b.phase === 'relaxed');
}

/**
 * The partner for `request` among `waiting`: of the compatible requests, the
 * oldest with the same language; when none has it, the oldest of all.
 */
export function choosePartner(request: WaitingRequest, waiting: readonly WaitingRequest[]): WaitingRequest | undefined {
  const compatible = waiting.filter((candidate) => canPair(request, candidate));
  const oldest = (list: WaitingRequest[]) =>
    list.reduce<WaitingRequest | undefined>((best, next) => (best === undefined || next.seq < best.seq ? next : best), undefined);
  return oldest(compatible.filter((candidate) => candidate.language === request.language)) ?? oldest(compatible);
}

/**
 * What a pair agrees on: the shared topics (in the older request's order);
 * the common difficulty and language, or, where they differ, the older
 * request's (the one who waited longer gets what they asked for).
 */
export function agreedTerms(a: WaitingRequest, b: WaitingRequest): AgreedTerms {
  const [older, newer] = a.seq < b.seq ? [a, b] : [b, a];
  return {
    difficulty: older.difficulty,
    topics: sharedTopics(older, newer),
    language: older.language,
    relaxed: older.difficulty !== newer.difficulty,
  };
}
