import type { z } from 'zod';
import { eventCatalog, type EventCatalog, type EventEnvelope } from '@peerprep/contracts';
import { buildEnvelope } from '../codec';
import { createOutboxRelay, type OutboxRecord, type OutboxRelay, type OutboxRelayOptions, type OutboxStore } from './relay';

/**
 * Runs one parameterised SQL statement and returns its rows. A Prisma client
 * fits through `prismaSql(prisma)`; a pg Pool through
 * `{ query: async (text, values) => (await pool.query(text, values)).rows }`.
 */
export interface SqlRunner {
  query(text: string, values: unknown[]): Promise<Record<string, unknown>[]>;
}

/** The part of a Prisma client the outbox uses. */
export interface PrismaRawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export function prismaSql(prisma: PrismaRawQueries): SqlRunner {
  return { query: (text, values) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values) };
}

/** The table every Postgres-backed service migrates (see the README for its DDL). */
export const OUTBOX_TABLE = 'outbox_events';

/**
 * The row to write in the same transaction as the change the event announces,
 * e.g. `tx.outboxEvent.create({ data: outboxRow(envelope) })` with the
 * Prisma model of the README. Build the envelope with `buildEnvelope` so a
 * payload that breaks its contract fails the transaction, not the relay.
 */
export function outboxRow(envelope: EventEnvelope): { id: string; type: string; envelope: JsonObject } {
  return { id: envelope.id, type: envelope.type, envelope: JSON.parse(JSON.stringify(envelope)) as JsonObject };
}

/** What a JSON column takes (an envelope after a JSON round trip). */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/**
 * The relay's view of the `outbox_events` table. A claim moves the rows'
 * `available_at` past the lease inside one statement whose sub-select takes
 * them `FOR UPDATE SKIP LOCKED`, so two relays (replicas) never claim the
 * same row at once and no transaction stays open while publishing; a
 * published row is deleted.
 */
export function createSqlOutboxStore(sql: SqlRunner, table = OUTBOX_TABLE): OutboxStore {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Invalid outbox table name "${table}"`);
  return {
    async claim(limit, leaseMs) {
      const rows = await sql.query(
        `UPDATE ${table} AS o
            SET available_at = now() + make_interval(secs => $2::double precision / 1000)
          WHERE o.id IN (SELECT id FROM ${table} WHERE available_at <= now()
                          ORDER BY created_at LIMIT $1::int FOR UPDATE SKIP LOCKED)
      RETURNING o.id::text AS id, o.envelope, o.attempts, o.created_at`,
        [limit, leaseMs],
      );
      return rows
        .sort((a, b) => asDate(a['created_at']).getTime() - asDate(b['created_at']).getTime())
        .map(
          (row): OutboxRecord => ({
            key: String(row['id']),
            envelope: (typeof row['envelope'] === 'string' ? JSON.parse(row['envelope']) : row['envelope']) as EventEnvelope,
            attempts: Number(row['attempts']),
          }),
        );
    },
    async published(keys) {
      await sql.query(`DELETE FROM ${table} WHERE id = ANY($1::uuid[]) RETURNING id`, [keys]);
    },
    async failed(key, error, retryInMs) {
      await sql.query(
        `UPDATE ${table}
            SET attempts = attempts + 1, last_error = $2,
                available_at = now() + make_interval(secs => $3::double precision / 1000)
          WHERE id = $1::uuid RETURNING id`,
        [key, error.slice(0, 1_000), retryInMs],
      );
    },
    async stats() {
      const [row] = await sql.query(`SELECT count(*)::int AS backlog, min(created_at) AS oldest FROM ${table}`, []);
      return {
        backlog: Number(row?.['backlog'] ?? 0),
        oldestAt: row?.['oldest'] ? asDate(row['oldest']) : null,
      };
    },
  };
}

/**
 * A platform event, validated against the catalog now (EventValidationError
 * when it does not fit), for an outbox row written with the change it
 * announces.
 */
export function createEvent<T extends keyof EventCatalog & string>(
  type: T,
  payload: z.input<EventCatalog[T]['payload']>,
  opts: { correlationId?: string; id?: string } = {},
): EventEnvelope {
  return buildEnvelope(eventCatalog, type, payload, opts);
}

/** The outbox relay of a Postgres service: its `outbox_events` table, read through its Prisma client. */
export function createPrismaOutboxRelay({ prisma, ...opts }: Omit<OutboxRelayOptions, 'store'> & { prisma: PrismaRawQueries }): OutboxRelay {
  return createOutboxRelay({ ...opts, store: createSqlOutboxStore(prismaSql(prisma)) });
}
