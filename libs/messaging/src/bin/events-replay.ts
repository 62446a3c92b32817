/**
 * npm run events:replay -- --queue <consumer queue> [--limit <n>] [--url amqp://...]
 *
 * Moves the events dead-lettered on `<queue>.dlq` back to `<queue>` (only that
 * consumer sees them again), each acked off the dead-letter queue after the
 * broker confirmed its copy. The URL defaults to AMQP_URL, else the local broker.
 */
import { parseArgs } from 'node:util';
import { replayDeadLetters } from '../dead-letters';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { queue: { type: 'string' }, limit: { type: 'string' }, url: { type: 'string' } },
  });
  if (!values.queue) throw new Error('--queue <consumer queue> is required, e.g. --queue collaboration-service');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new Error('--limit must be a positive integer');
  const url = values.url ?? process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
  const moved = await replayDeadLetters({ url, queue: values.queue, ...(limit === undefined ? {} : { limit }) });
  process.stdout.write(`replayed ${moved} dead-lettered event(s) from ${values.queue}.dlq to ${values.queue}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`events:replay failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
