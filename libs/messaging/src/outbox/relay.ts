import client from 'prom-client';
import pino, { type Logger } from 'pino';
import type { EventEnvelope } from '@peerprep/contracts';
import { UnroutableEventError } from '../errors';
import type { Messaging } from '../messaging';

/** One event an outbox holds until the broker has confirmed it. */
export interface OutboxRecord {
  /** The store's handle on the record (the row id, the stream entry id). */
  key: string;
  envelope: EventEnvelope;
  /** Earlier publish attempts of this record (0 the first time). */
  attempts: number;
}

/**
 * Where a service keeps the events it committed with its changes (a table
 * written in the same transaction, a Redis stream written by the same script).
 * Several relays may share one store: `claim` must hand a record to one of
 * them at a time (a lease), and give it out again once the lease ran out
 * without `published` (its relay died).
 */
export interface OutboxStore {
  /** Up to `limit` records due now, leased to this relay for `leaseMs`. */
  claim(limit: number, leaseMs: number): Promise<OutboxRecord[]>;
  /** The broker confirmed these: forget them. */
  published(keys: string[]): Promise<void>;
  /** Not confirmed: keep it, due again after `retryInMs`. */
  failed(key: string, error: string, retryInMs: number): Promise<void>;
  /** How many records wait, and since when the oldest has waited (null when none). */
  stats(): Promise<{ backlog: number; oldestAt: Date | null }>;
}

export interface OutboxRelayOptions {
  store: OutboxStore;
  messaging: Pick<Messaging, 'publishEnvelope'>;
  logger?: Logger;
  /** Names the store in logs and metrics (`outbox` label), e.g. 'user-service'. */
  name: string;
  /** Records claimed and published at once; default 100. */
  batchSize?: number;
  /** Wait between polls when the outbox was empty; default 250 ms (`wake()` cuts it short). */
  pollIntervalMs?: number;
  /** How long a claimed record stays with this relay before another may take it; default 30 000. */
  leaseMs?: number;
  /** First delay after a failed publish, doubled per attempt; default 1 000. */
  retryDelayMs?: number;
  /** Longest delay between attempts of one record; default 60 000. */
  maxRetryDelayMs?: number;
  /** How long close() waits for the batch in flight (a broker outage holds it); default 10 000. */
  closeTimeoutMs?: number;
  /** Registers outbox_backlog, outbox_oldest_age_seconds, outbox_published_total and outbox_unroutable_total. */
  registry?: client.Registry;
}

export interface OutboxRelay {
  /** Starts the loop (idempotent). */
  start(): void;
  /** Something was just committed: look now instead of at the next poll. */
  wake(): void;
  /** Publishes until nothing is due (failures are put back for later); resolves with how many were confirmed. */
  drain(): Promise<number>;
  /**
   * Stops the loop after the batch in flight, waiting for it at most
   * `closeTimeoutMs`: what it had claimed and not confirmed is published
   * again after its lease, by this service's next relay.
   */
  close(): Promise<void>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Publishes what an outbox holds, with the broker's confirm, then forgets it:
 * an event committed with its change reaches the broker even if the process
 * dies right after the commit or the broker is down for a while. A record
 * whose relay died is published again after its lease (consumers skip the
 * duplicate by event id). An event no queue is bound to is kept, counted in
 * `outbox_unroutable_total` and logged as an error, and tried again later.
 */
export function createOutboxRelay(opts: OutboxRelayOptions): OutboxRelay {
  const { store, messaging, name } = opts;
  const batchSize = opts.batchSize ?? 100;
  const pollIntervalMs = opts.pollIntervalMs ?? 250;
  const leaseMs = opts.leaseMs ?? 30_000;
  const retryDelayMs = opts.retryDelayMs ?? 1_000;
  const maxRetryDelayMs = opts.maxRetryDelayMs ?? 60_000;
  const closeTimeoutMs = opts.closeTimeoutMs ?? 10_000;
  const logger = (opts.logger ?? pino({ name })).child({ component: 'outbox-relay', outbox: name });
  const metrics = opts.registry ? outboxMetrics(opts.registry, name, store) : undefined;

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let woken = false;

  /** One claim-publish-forget pass: how many were claimed and how many confirmed. */
  async function publishBatch(): Promise<{ claimed: number; confirmed: number }> {
    const records = await store.claim(batchSize, leaseMs);
    if (records.length === 0) return { claimed: 0, confirmed: 0 };
    const confirmed: string[] = [];
    await Promise.all(
      records.map(async (record) => {
        try {
          await messaging.publishEnvelope(record.envelope);
          confirmed.push(record.key);
        } catch (error) {
          const retryInMs = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** Math.min(record.attempts, 20));
          const fields = { err: error, eventId: record.envelope.id, type: record.envelope.type, retryInMs };
          if (error instanceof UnroutableEventError) {
            metrics?.unroutable.inc({ outbox: name, type: record.envelope.type });
            logger.error(fields, 'event is unroutable (no queue bound to its type); kept for a later attempt');
          } else {
            logger.warn(fields, 'event not confirmed; kept for a later attempt');
          }
          await store.failed(record.key, errorText(error), retryInMs);
        }
      }),
    );
    if (confirmed.length > 0) {
      await store.published(confirmed);
      metrics?.published.inc({ outbox: name }, confirmed.length);
    }
    return { claimed: records.length, confirmed: confirmed.length };
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      // The poll alone never keeps a process alive (its server, or whoever stops it, does).
      const timer = setTimeout(done, ms).unref();
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        woken = false;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function run(): Promise<void> {
    while (running) {
      let more = false;
      try {
        // A full batch means more may be due now.
        more = (await publishBatch()).claimed === batchSize;
      } catch (error) {
        logger.error({ err: error }, 'outbox relay pass failed; retrying');
        await sleep(retryDelayMs);
        continue;
      }
      if (!more && running) await sleep(pollIntervalMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
    async drain() {
      let total = 0;
      for (;;) {
        const { claimed, confirmed } = await publishBatch();
        if (claimed === 0) return total;
        total += confirmed;
      }
    },
    async close() {
      running = false;
      wakeUp?.();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([loop, new Promise<void>((resolve) => (timer = setTimeout(resolve, closeTimeoutMs)))]);
      clearTimeout(timer);
    },
  };
}

/** Gauges read from the store at scrape time, counters kept by the relay. */
function outboxMetrics(registry: client.Registry, name: string, store: OutboxStore) {
  const labelNames = ['outbox'] as const;
  const stats = async () => {
    try {
      return await store.stats();
    } catch {
      return null;
    }
  };
  new client.Gauge({
    name: 'outbox_backlog',
    help: 'Events committed but not yet confirmed by the broker',
    labelNames,
    registers: [registry],
    async collect() {
      const current = await stats();
      if (current) this.set({ outbox: name }, current.backlog);
    },
  });
  new client.Gauge({
    name: 'outbox_oldest_age_seconds',
    help: 'How long the oldest unpublished event has waited (0 when none waits)',
    labelNames,
    registers: [registry],
    async collect() {
      const current = await stats();
      if (current) this.set({ outbox: name }, current.oldestAt ? Math.max(0, (Date.now() - current.oldestAt.getTime()) / 1000) : 0);
    },
  });
  return {
    published: new client.Counter({
      name: 'outbox_published_total',
      help: 'Events the relay published and the broker confirmed',
      labelNames,
      registers: [registry],
    }),
    unroutable: new client.Counter({
      name: 'outbox_unroutable_total',
      help: 'Publish attempts the broker returned because no queue is bound to the event type (the event is kept)',
      labelNames: ['outbox', 'type'] as const,
      registers: [registry],
    }),
  };
}
