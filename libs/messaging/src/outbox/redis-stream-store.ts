import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EventEnvelope } from '@peerprep/contracts';
import type { OutboxRecord, OutboxStore } from './relay';

export interface RedisStreamOutboxOptions {
  /** The stream the service's scripts XADD their events to (with the client's keyPrefix added by ioredis). */
  stream: string;
  /** The consumer group every relay of the service shares; default 'outbox-relay'. */
  group?: string;
  /** This relay's name in the group; default host + a random suffix. */
  consumer?: string;
  /**
   * Turns an entry's fields into the envelope to publish. It must give the
   * same event id every time (the id is what consumers dedupe by); default:
   * the JSON of the `envelope` field.
   */
  toEnvelope?: (fields: Record<string, string>, entryId: string) => EventEnvelope;
}

function fieldsOf(flat: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[String(flat[i])] = String(flat[i + 1]);
  return fields;
}

type StreamEntry = [id: string, fields: string[]];

/**
 * An outbox kept in a Redis stream, for a service whose change is a Redis
 * script: the script XADDs the event in the same atomic step. Relays share
 * one consumer group, so each entry goes to one of them; after the broker's
 * confirm it is XACKed and XDELed. An entry stays pending while unconfirmed;
 * once it has been idle for the lease (its relay died, or its publish failed)
 * XAUTOCLAIM gives it to whichever relay asks next.
 */
export function createRedisStreamOutboxStore(redis: Redis, opts: RedisStreamOutboxOptions): OutboxStore {
  const { stream } = opts;
  const group = opts.group ?? 'outbox-relay';
  const consumer = opts.consumer ?? `${hostname()}-${randomUUID().slice(0, 8)}`;
  const toEnvelope =
    opts.toEnvelope ?? ((fields: Record<string, string>) => JSON.parse(fields['envelope'] ?? 'null') as EventEnvelope);
  let groupReady: Promise<void> | undefined;
  const attempts = new Map<string, number>();

  function ensureGroup(): Promise<void> {
    // ioredis does not add its keyPrefix to XGROUP's key (it does to XADD, XREADGROUP...).
    groupReady ??= redis
      .xgroup('CREATE', `${redis.options.keyPrefix ?? ''}${stream}`, group, '0', 'MKSTREAM')
      .then(() => undefined)
      .catch((error: unknown) => {
        if (error instanceof Error && error.message.startsWith('BUSYGROUP')) return;
        groupReady = undefined;
        throw error;
      });
    return groupReady;
  }

  function toRecord([id, flat]: StreamEntry): OutboxRecord {
    return { key: id, envelope: toEnvelope(fieldsOf(flat), id), attempts: attempts.get(id) ?? 0 };
  }

  return {
    async claim(limit, leaseMs) {
      await ensureGroup();
      // Entries another relay (or this one) took but did not confirm within the lease.
      const [, reclaimed] = (await redis.xautoclaim(stream, group, consumer, leaseMs, '0-0', 'COUNT', limit)) as [
        string,
        StreamEntry[],
      ];
      const entries = reclaimed.filter((entry): entry is StreamEntry => Array.isArray(entry) && entry[1] !== null);
      if (entries.length < limit) {
        const fresh = (await redis.xreadgroup('GROUP', group, consumer, 'COUNT', limit - entries.length, 'STREAMS', stream, '>')) as
          | [string, StreamEntry[]][]
          | null;
        entries.push(...(fresh?.[0]?.[1] ?? []));
      }
      return entries.map(toRecord);
    },
    async published(keys) {
      for (const key of keys) attempts.delete(key);
      await redis.multi().xack(stream, group, ...keys).xdel(stream, ...keys).exec();
    },
    async failed(key) {
      // Stays pending: XAUTOCLAIM hands it out again once idle for the lease.
      attempts.set(key, (attempts.get(key) ?? 0) + 1);
    },
    async stats() {
      const [backlog, first] = await Promise.all([redis.xlen(stream), redis.xrange(stream, '-', '+', 'COUNT', 1)]);
      const oldestId = first[0]?.[0];
      return { backlog, oldestAt: oldestId ? new Date(Number(oldestId.split('-')[0])) : null };
    },
  };
}
