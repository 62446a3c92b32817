import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Remembers which events a consumer has handled, so a redelivered or
 * duplicated event runs its handler at most once. The messaging library
 * passes keys scoped by queue (`<queue>:<event id>`), so services sharing one
 * store never skip each other's events.
 */
export interface IdempotencyStore {
  /** True when the caller may handle the event now; false when it is done or being handled elsewhere. */
  claim(eventId: string): Promise<boolean>;
  /** The handler succeeded: later claims of this event return false. */
  complete(eventId: string): Promise<void>;
  /** The handler failed: let a later delivery claim it again. */
  release(eventId: string): Promise<void>;
  /**
   * Optional: whether the event is done (rather than in progress elsewhere).
   * With it, a duplicate that arrives while another consumer is still
   * handling the event is retried later instead of dropped, so nothing is lost
   * if that consumer dies before finishing.
   */
  isCompleted?(eventId: string): Promise<boolean>;
}

export interface RedisIdempotencyStoreOptions {
  /** Key prefix inside Redis (after the client's own keyPrefix). */
  prefix?: string;
  /** How long a claim protects an event whose consumer may have died. */
  processingTtlSeconds?: number;
  /** How long a handled event is remembered (longer than any redelivery window). */
  doneTtlSeconds?: number;
}

const DONE = 'done';

// Only the claimant releases, and only its own claim: after its claim expired
// someone else may hold the key.
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly prefix: string;
  private readonly processingTtlSeconds: number;
  private readonly doneTtlSeconds: number;
  /** Claim tokens held by this process, per event. */
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly redis: Redis,
    opts: RedisIdempotencyStoreOptions = {},
  ) {
    this.prefix = opts.prefix ?? 'idempotency:';
    this.processingTtlSeconds = opts.processingTtlSeconds ?? 60;
    this.doneTtlSeconds = opts.doneTtlSeconds ?? 7 * 24 * 60 * 60;
  }

  keyOf(eventId: string): string {
    return `${this.prefix}${eventId}`;
  }

  async claim(eventId: string): Promise<boolean> {
    const token = `processing:${randomUUID()}`;
    const set = await this.redis.set(this.keyOf(eventId), token, 'EX', this.processingTtlSeconds, 'NX');
    if (set !== 'OK') return false;
    this.tokens.set(eventId, token);
    return true;
  }

  async complete(eventId: string): Promise<void> {
    this.tokens.delete(eventId);
    await this.redis.set(this.keyOf(eventId), DONE, 'EX', this.doneTtlSeconds);
  }

  async release(eventId: string): Promise<void> {
    const token = this.tokens.get(eventId);
    this.tokens.delete(eventId);
    if (token) await this.redis.eval(RELEASE_SCRIPT, 1, this.keyOf(eventId), token);
  }

  async isCompleted(eventId: string): Promise<boolean> {
    return (await this.redis.get(this.keyOf(eventId))) === DONE;
  }
}
