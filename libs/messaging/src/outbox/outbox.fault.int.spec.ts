import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import {
  createTestDatabase,
  createTestRedis,
  queryRows,
  startPrivateRabbit,
  type PrivateRabbit,
  type TestDatabase,
  type TestRedis,
} from '@peerprep/testing';
import { createMessaging, type Messaging } from '../messaging';
import { RedisIdempotencyStore, type IdempotencyStore } from '../idempotency';
import { silentLogger, waitFor } from '../../test/support';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const PUBLISHER = path.resolve(__dirname, '../../test/fault/outbox-publisher.ts');
const MIGRATIONS = path.resolve(__dirname, '../../test/fault/migrations');
const TOTAL = 10_000;
const EXCHANGE = 'fault.events';
const QUEUE = 'fault.consumer';

/** The publishing service in a child process (node with tsx's loader, so SIGKILL hits it, not a wrapper). */
class Publisher {
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private output = '';

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--import', 'tsx', PUBLISHER], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(WORKSPACE_ROOT, 'tsconfig.base.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    if (this.child.stdout) readline.createInterface({ input: this.child.stdout }).on('line', (line) => (this.output += `${line}\n`));
  }

  get log(): string {
    return this.output;
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** The consumer's idempotency store, counting the duplicates it made the subscription skip. */
function countingStore(inner: IdempotencyStore) {
  const counts = { suppressed: 0 };
  const store: IdempotencyStore = {
    claim: (id) => inner.claim(id),
    complete: (id) => inner.complete(id),
    release: (id) => inner.release(id),
    async isCompleted(id) {
      const done = (await inner.isCompleted?.(id)) ?? true;
      if (done) counts.suppressed += 1;
      return done;
    },
  };
  return { store, counts };
}

describe('transactional outbox under faults (private RabbitMQ restarted twice, publisher SIGKILLed)', () => {
  let broker: PrivateRabbit;
  let db: TestDatabase;
  let redis: TestRedis;
  let consumer: Messaging;
  const publishers: Publisher[] = [];

  beforeAll(async () => {
    [broker, db, redis] = await Promise.all([
      startPrivateRabbit('outbox-fault'),
      createTestDatabase({ migrationsDir: MIGRATIONS, label: 'outbox_fault' }),
      createTestRedis('outbox-fault'),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(publishers.map((publisher) => publisher.kill()));
    await consumer?.close();
    await Promise.all([broker?.destroy(), db?.drop(), redis?.cleanup()]);
  }, 60_000);

  it(`delivers every one of ${TOTAL} committed events exactly once in effect`, async () => {
    const effects = new Map<string, number>();
    let deliveriesHandled = 0;
    const { store, counts } = countingStore(new RedisIdempotencyStore(redis.redis, { processingTtlSeconds: 5 }));
    consumer = createMessaging({ url: broker.url, serviceName: 'fault-consumer', exchange: EXCHANGE, logger: silentLogger, reconnectTimeInSeconds: 0.5 });
    await consumer.subscribe({
      queue: QUEUE,
      prefetch: 100,
      retryDelayMs: 200,
      idempotency: store,
      handlers: {
        'user.deleted': async (event) => {
          deliveriesHandled += 1;
          effects.set(event.id, (effects.get(event.id) ?? 0) + 1);
        },
      },
    });

    const env = { DATABASE_URL: db.url, AMQP_URL: broker.url, EVENTS_EXCHANGE: EXCHANGE, TOTAL: String(TOTAL) };
    const received = () => effects.size;
    const faults: { fault: string; atReceived: number }[] = [];

    const killed = new Publisher(env);
    publishers.push(killed);
    await waitFor('1 500 events received', () => received() >= 1_500, 120_000);
    await killed.kill();
    faults.push({ fault: 'publisher SIGKILLed', atReceived: received() });
    const survivor = new Publisher(env);
    publishers.push(survivor);

    await waitFor('3 500 events received', () => received() >= 3_500, 120_000);
    faults.push({ fault: 'RabbitMQ restarted', atReceived: received() });
    await broker.restart();

    await waitFor('7 000 events received', () => received() >= 7_000, 120_000);
    faults.push({ fault: 'RabbitMQ restarted', atReceived: received() });
    await broker.restart();

    const exitCode = await survivor.exited;
    if (exitCode !== 0) throw new Error(`the publisher failed:\n${survivor.log}`);
    // Its outbox is empty: every committed event was confirmed by the broker.
    const committed = await queryRows<{ event_id: string }>(db.url, 'SELECT event_id::text FROM fault_changes');
    const committedIds = new Set(committed.map((row) => row.event_id));
    await waitFor('every committed event received', () => [...committedIds].every((id) => effects.has(id)), 120_000);

    const lost = [...committedIds].filter((id) => !effects.has(id)).length;
    const doubled = [...effects.values()].filter((count) => count > 1).length;
    const unknown = [...effects.keys()].filter((id) => !committedIds.has(id)).length;
    console.log(
      [
        `outbox fault test: sent (committed) ${committedIds.size}, received ${effects.size}, handled ${deliveriesHandled},`,
        `duplicates suppressed ${counts.suppressed}, double effects ${doubled}, lost ${lost}`,
        ...faults.map(({ fault, atReceived }) => `  ${fault} after ${atReceived} received`),
      ].join('\n'),
    );
    expect(committedIds.size).toBe(TOTAL);
    expect(lost).toBe(0);
    expect(doubled).toBe(0);
    expect(unknown).toBe(0);
    expect(deliveriesHandled).toBe(TOTAL);
    // Every fault struck mid-stream, not after the last event.
    for (const { atReceived } of faults) expect(atReceived).toBeLessThan(TOTAL);
    expect(await queryRows(db.url, 'SELECT 1 FROM outbox_events')).toHaveLength(0);
  }, 240_000);
});
