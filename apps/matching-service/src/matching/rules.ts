import type { Difficulty, Language, SessionLength, SessionMode } from '@peerprep/contracts';

/*
 * The matching rules as pure functions. The Lua scripts in queue.scripts.ts
 * implement exactly these over Redis indexes (per mode, one sorted set per
 * difficulty and topic, one per topic for the relaxed phase, and a set of
 * blocked peers per user); the tests hold both to them.
 */

export type WaitingPhase = 'queued' | 'relaxed';

export interface WaitingRequest {
  requestId: string;
  userId: string;
  mode: SessionMode;
  minutes: SessionLength;
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
  mode: SessionMode;
  /** The shorter of the two lengths: nobody stays longer than they asked. */
  minutes: SessionLength;
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

/** Who blocked whom; either way round, the two never meet again. */
export interface BlockList {
  isBlocked(userId: string, peerId: string): boolean;
}

const NO_BLOCKS: BlockList = { isBlocked: () => false };

/**
 * Two different users, neither of whom blocked the other, ask for the same
 * mode, share a topic and either ask for the same difficulty (strict), or are
 * both in their relaxed phase (any difficulty). Lengths may differ.
 */
export function canPair(a: WaitingRequest, b: WaitingRequest, blocks: BlockList = NO_BLOCKS): boolean {
  if (a.userId === b.userId) return false;
  if (a.mode !== b.mode) return false;
  if (blocks.isBlocked(a.userId, b.userId)) return false;
  if (sharedTopics(a, b).length === 0) return false;
  return a.difficulty === b.difficulty || (a.phase === 'relaxed' && b.phase === 'relaxed');
}

/**
 * The partner for `request` among `waiting`: of the compatible requests, the
 * oldest with the same language; when none has it, the oldest of all.
 */
export function choosePartner(
  request: WaitingRequest,
  waiting: readonly WaitingRequest[],
  blocks: BlockList = NO_BLOCKS,
): WaitingRequest | undefined {
  const compatible = waiting.filter((candidate) => canPair(request, candidate, blocks));
  const oldest = (list: WaitingRequest[]) =>
    list.reduce<WaitingRequest | undefined>((best, next) => (best === undefined || next.seq < best.seq ? next : best), undefined);
  return oldest(compatible.filter((candidate) => candidate.language === request.language)) ?? oldest(compatible);
}

/**
 * What a pair agrees on: their mode; the shorter length; the shared topics
 * (in the older request's order); the common difficulty and language, or,
 * where they differ, the older request's (the one who waited longer gets what
 * they asked for).
 */
export function agreedTerms(a: WaitingRequest, b: WaitingRequest): AgreedTerms {
  const [older, newer] = a.seq < b.seq ? [a, b] : [b, a];
  return {
    mode: older.mode,
    minutes: shorterLength(a.minutes, b.minutes),
    difficulty: older.difficulty,
    topics: sharedTopics(older, newer),
    language: older.language,
    relaxed: older.difficulty !== newer.difficulty,
  };
}

/** The session length two requests agree on: the shorter, so nobody stays longer than they asked. */
export function shorterLength(a: SessionLength, b: SessionLength): SessionLength {
  return a < b ? a : b;
}
