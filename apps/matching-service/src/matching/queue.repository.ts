import { randomUUID } from 'node:crypto';
import type { Difficulty, Language, SessionLength, SessionMode } from '@peerprep/contracts';
import type { Redis } from 'ioredis';
import { CANCEL_SCRIPT, ENQUEUE_SCRIPT, FORGET_BLOCKS_SCRIPT, ROOM_SCRIPT, SWEEP_SCRIPT } from './queue.scripts';

/* A request or match stored before modes existed was pair practice (today's room) of the default length. */
const MODE_BEFORE_MODES: SessionMode = 'pair';
const MINUTES_BEFORE_MODES: SessionLength = 45;

/** A request as stored in Redis (hash `req:<id>`), decoded. */
export interface StoredRequest {
  requestId: string;
  userId: string;
  displayName: string;
  mode: SessionMode;
  minutes: SessionLength;
  difficulty: Difficulty;
  topics: string[];
  language: Language;
  allowRelaxed: boolean;
  createdAt: number;
  strictDeadline: number;
  deadline: number;
  seq: number;
  status: 'queued' | 'relaxed' | 'matched';
  match: StoredMatchSide | null;
}

export interface StoredMatchSide {
  matchId: string;
  peerId: string;
  peerName: string;
  mode: SessionMode;
  /** The shorter of the two lengths. */
  minutes: SessionLength;
  difficulty: Difficulty;
  topics: string[];
  language: Language;
  relaxed: boolean;
  matchedAt: number;
  roomId: string | null;
}

export interface StoredPair {
  matchId: string;
  mode: SessionMode;
  /** The shorter of the two lengths. */
  minutes: SessionLength;
  difficulty: Difficulty;
  topics: string[];
  language: Language;
  relaxed: boolean;
  matchedAt: number;
  /** The request that waited longer first. */
  requests: [StoredRequest, StoredRequest];
}

export interface NewRequest {
  requestId: string;
  userId: string;
  displayName: string;
  mode: SessionMode;
  minutes: SessionLength;
  difficulty: Difficulty;
  topics: string[];
  language: Language;
  allowRelaxed: boolean;
  now: number;
  strictDeadline: number;
  deadline: number;
}

export type EnqueueResult =
  | { outcome: 'conflict'; status: StoredRequest['status'] }
  | { outcome: 'queued'; seq: number }
  | { outcome: 'matched'; pair: StoredPair };

export type CancelResult = { outcome: 'none' } | { outcome: 'matched' | 'present' | 'cancelled'; requestId: string };

export type SweepOutcome =
  | { outcome: 'relaxed' | 'timed_out'; request: StoredRequest }
  | { outcome: 'matched'; pair: StoredPair };

export type RoomResult = { outcome: 'none' } | { outcome: 'updated' | 'released'; requests: StoredRequest[] };

type RawHash = Record<string, string>;
interface RawPair {
  outcome: 'matched';
  match: {
    matchId: string;
    mode: string;
    minutes: string;
    difficulty: string;
    topics: string;
    language: string;
    relaxed: string;
    matchedAt: string;
  };
  older: RawHash;
  newer: RawHash;
}

function csv(value: string | undefined): string[] {
  return value ? value.split(',') : [];
}

const modeOf = (value: string | undefined) => (value ?? MODE_BEFORE_MODES) as SessionMode;
const minutesOf = (value: string | undefined) => (value ? Number(value) : MINUTES_BEFORE_MODES) as SessionLength;

export function decodeRequest(h: RawHash): StoredRequest {
  return {
    requestId: h['id'],
    userId: h['userId'],
    displayName: h['name'],
    mode: modeOf(h['mode']),
    minutes: minutesOf(h['minutes']),
    difficulty: h['difficulty'] as Difficulty,
    topics: csv(h['topics']),
    language: h['language'] as Language,
    allowRelaxed: h['relax'] === '1',
    createdAt: Number(h['createdAt']),
    strictDeadline: Number(h['strictDeadline']),
    deadline: Number(h['deadline']),
    seq: Number(h['seq']),
    status: h['status'] as StoredRequest['status'],
    match: h['matchId']
      ? {
          matchId: h['matchId'],
          peerId: h['peerId'],
          peerName: h['peerName'],
          mode: modeOf(h['agreedMode']),
          minutes: minutesOf(h['agreedMinutes']),
          difficulty: h['agreedDifficulty'] as Difficulty,
          topics: csv(h['agreedTopics']),
          language: h['agreedLanguage'] as Language,
          relaxed: h['relaxedMatch'] === '1',
          matchedAt: Number(h['matchedAt']),
          roomId: h['roomId'] ? h['roomId'] : null,
        }
      : null,
  };
}

/** The stream the pairing scripts write each match's `pair` entry to (the match.found outbox). */
export function matchOutboxStream(prefix: string): string {
  return `${prefix}outbox`;
}

/** A pair as the scripts wrote it to the outbox stream (the `pair` field). */
export function decodeOutboxPair(json: string): StoredPair {
  return decodePair(JSON.parse(json) as RawPair);
}

function decodePair(raw: RawPair): StoredPair {
  // The scripts' pair() wrote the match into both hashes after copying them; the copies carry it too.
  const withMatch = (h: RawHash, peer: RawHash): RawHash => ({
    ...h,
    status: 'matched',
    matchId: raw.match.matchId,
    peerId: peer['userId'],
    peerName: peer['name'],
    agreedMode: raw.match.mode,
    agreedMinutes: raw.match.minutes,
    agreedDifficulty: raw.match.difficulty,
    agreedTopics: raw.match.topics,
    agreedLanguage: raw.match.language,
    relaxedMatch: raw.match.relaxed,
    matchedAt: raw.match.matchedAt,
  });
  return {
    matchId: raw.match.matchId,
    mode: modeOf(raw.match.mode),
    minutes: minutesOf(raw.match.minutes),
    difficulty: raw.match.difficulty as Difficulty,
    topics: csv(raw.match.topics),
    language: raw.match.language as Language,
    relaxed: raw.match.relaxed === '1',
    matchedAt: Number(raw.match.matchedAt),
    requests: [decodeRequest(withMatch(raw.older, raw.newer)), decodeRequest(withMatch(raw.newer, raw.older))],
  };
}

type Script = (...args: (string | number)[]) => Promise<string>;
interface QueueCommands {
  matchEnqueue: Script;
  matchCancel: Script;
  matchSweep: Script;
  matchRoom: Script;
  matchForgetBlocks: Script;
}

/** The only module that touches the queue's Redis keys; see queue.scripts.ts for the layout. */
export interface QueueRepository {
  readonly prefix: string;
  enqueue(request: NewRequest, holdMs: number): Promise<EnqueueResult>;
  /** `onlyIfAbsent`: cancel only when the user has no status socket open on any replica. */
  cancel(userId: string, onlyIfAbsent: boolean): Promise<CancelResult>;
  sweep(now: number, limit: number, holdMs: number): Promise<SweepOutcome[]>;
  /** roomId null: the room ended or failed, both users are free again. */
  room(matchId: string, roomId: string | null): Promise<RoomResult>;
  /** The two users are never paired again, either way round (kept until one of them is deleted). */
  block(blockerId: string, blockedId: string): Promise<void>;
  /** A deleted user's blocks, both ways round; returns how many peers they had. */
  forgetBlocks(userId: string): Promise<number>;
  current(userId: string): Promise<StoredRequest | null>;
  /** Counts a user's open status sockets across replicas; returns the new count. */
  presence(userId: string, delta: 1 | -1): Promise<number>;
  /** The pub/sub channel of one user's status messages. */
  statusChannel(userId: string): string;
}

// A crashed replica never decrements its sockets; the count expires instead
// of keeping its users "present" forever (they would then only time out).
const PRESENCE_TTL_MS = 24 * 60 * 60 * 1000;

export function createQueueRepository(redis: Redis, prefix: string): QueueRepository {
  if (redis.options.keyPrefix) {
    // The scripts build keys from the prefix themselves; a client-side prefix would apply to only half of them.
    throw new Error('The matching queue needs a Redis client without keyPrefix; set MATCH_KEY_PREFIX instead');
  }
  const commands = redis as unknown as Redis & QueueCommands;
  if (!('matchEnqueue' in redis)) {
    redis.defineCommand('matchEnqueue', { numberOfKeys: 0, lua: ENQUEUE_SCRIPT });
    redis.defineCommand('matchCancel', { numberOfKeys: 0, lua: CANCEL_SCRIPT });
    redis.defineCommand('matchSweep', { numberOfKeys: 0, lua: SWEEP_SCRIPT });
    redis.defineCommand('matchRoom', { numberOfKeys: 0, lua: ROOM_SCRIPT });
    redis.defineCommand('matchForgetBlocks', { numberOfKeys: 0, lua: FORGET_BLOCKS_SCRIPT });
  }

  return {
    prefix,
    async enqueue(r, holdMs) {
      const raw = JSON.parse(
        await commands.matchEnqueue(
          prefix,
          r.requestId,
          r.userId,
          r.displayName,
          r.difficulty,
          r.topics.join(','),
          r.language,
          r.allowRelaxed ? '1' : '0',
          r.now,
          r.strictDeadline,
          r.deadline,
          holdMs,
          randomUUID(),
          r.mode,
          r.minutes,
        ),
      ) as { outcome: 'conflict'; status: StoredRequest['status'] } | { outcome: 'queued'; seq: string } | RawPair;
      if (raw.outcome === 'conflict') return raw;
      if (raw.outcome === 'queued') return { outcome: 'queued', seq: Number(raw.seq) };
      return { outcome: 'matched', pair: decodePair(raw) };
    },
    async cancel(userId, onlyIfAbsent) {
      return JSON.parse(await commands.matchCancel(prefix, userId, onlyIfAbsent ? '1' : '0')) as CancelResult;
    },
    async sweep(now, limit, holdMs) {
      const matchIds = Array.from({ length: limit }, () => randomUUID());
      const raw = JSON.parse(await commands.matchSweep(prefix, now, limit, holdMs, ...matchIds)) as (
        | { outcome: 'relaxed' | 'timed_out'; request: RawHash }
        | RawPair
      )[];
      return raw.map((item) =>
        item.outcome === 'matched'
          ? { outcome: 'matched', pair: decodePair(item) }
          : { outcome: item.outcome, request: decodeRequest(item.request) },
      );
    },
    async room(matchId, roomId) {
      const raw = JSON.parse(await commands.matchRoom(prefix, matchId, roomId ?? '')) as
        | { outcome: 'none' }
        | { outcome: 'updated' | 'released'; requests: RawHash[] };
      return raw.outcome === 'none' ? raw : { outcome: raw.outcome, requests: raw.requests.map(decodeRequest) };
    },
    async block(blockerId, blockedId) {
      // Both directions, so the pairing script checks one set: the newcomer's.
      await redis
        .multi()
        .sadd(`${prefix}blocked:${blockerId}`, blockedId)
        .sadd(`${prefix}blocked:${blockedId}`, blockerId)
        .exec();
    },
    async forgetBlocks(userId) {
      return Number(await commands.matchForgetBlocks(prefix, userId));
    },
    async current(userId) {
      const requestId = await redis.get(`${prefix}user:${userId}`);
      if (!requestId) return null;
      const hash = await redis.hgetall(`${prefix}req:${requestId}`);
      return hash['id'] ? decodeRequest(hash) : null;
    },
    async presence(userId, delta) {
      const key = `${prefix}presence:${userId}`;
      const [[, count]] = (await redis.multi().incrby(key, delta).pexpire(key, PRESENCE_TTL_MS).exec()) as [
        [Error | null, number],
        unknown,
      ];
      return count;
    },
    statusChannel(userId) {
      return `${prefix}status:${userId}`;
    },
  };
}
