/**
 * The publishing service of the fault test (outbox.fault.int.spec.ts), run as
 * a child process so the test can SIGKILL it mid-stream: it commits numbered
 * changes, each with its `user.deleted` event in the same transaction, through
 * the library's SQL outbox, while the outbox relay publishes them with
 * confirms. A restarted publisher carries on after the last committed change.
 * Exits 0 once every change is committed and the outbox is empty.
 * Env: DATABASE_URL, AMQP_URL, EVENTS_EXCHANGE, TOTAL.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { eventCatalog } from '@peerprep/contracts';
import { buildEnvelope, createMessaging, createOutboxRelay, createSqlOutboxStore } from '../../src';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main(): Promise<void> {
  const total = Number(env('TOTAL'));
  const logger = pino({ name: 'fault-publisher', level: process.env['LOG_LEVEL'] ?? 'warn' });
  const pool = new pg.Pool({ connectionString: env('DATABASE_URL'), max: 4 });
  const messaging = createMessaging({
    url: env('AMQP_URL'),
    serviceName: 'fault-publisher',
    exchange: env('EVENTS_EXCHANGE'),
    logger,
    reconnectTimeInSeconds: 0.5,
  });
  const relay = createOutboxRelay({
    name: 'fault-publisher',
    store: createSqlOutboxStore({ query: async (text, values) => (await pool.query(text, values)).rows }),
    messaging,
    logger,
    // Rows a killed predecessor had claimed come back after this.
    leaseMs: 3_000,
    retryDelayMs: 200,
  });
  relay.start();

  const { rows } = await pool.query<{ last: number }>('SELECT coalesce(max(seq), 0)::int AS last FROM fault_changes');
  const first = (rows[0]?.last ?? 0) + 1;
  process.stdout.write(`resuming at ${first}\n`);
  for (let seq = first; seq <= total; seq += 1) {
    const envelope = buildEnvelope(eventCatalog, 'user.deleted', { userId: randomUUID() }, { correlationId: `fault-${seq}` });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO fault_changes (seq, event_id) VALUES ($1, $2)', [seq, envelope.id]);
      await client.query('INSERT INTO outbox_events (id, type, envelope) VALUES ($1, $2, $3)', [
        envelope.id,
        envelope.type,
        JSON.stringify(envelope),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    relay.wake();
  }
  process.stdout.write('all changes committed\n');
  for (;;) {
    const backlog = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_events');
    if (backlog.rows[0]?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await relay.close();
  await messaging.close();
  await pool.end();
  process.stdout.write('outbox empty\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
