import type { Redis } from 'ioredis';

/** Something a service needs to serve traffic: Postgres, Redis, RabbitMQ, ... */
export interface DependencyCheck {
  name: string;
  /** Resolves when the dependency answers; rejects when it is down. The kit bounds it with a timeout. */
  check(): Promise<void>;
  /** Releases the dependency at shutdown (pool end, quit, channel close). */
  close?(): Promise<void>;
}

export type CheckStatus = 'up' | 'down';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckStatus>;
  down: string[];
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

function withTimeout(promise: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function checkDependencies(
  dependencies: DependencyCheck[],
  timeoutMs = DEFAULT_CHECK_TIMEOUT_MS,
): Promise<ReadinessReport> {
  const statuses = await Promise.all(
    dependencies.map(async (dependency): Promise<CheckStatus> => {
      try {
        // Promise.resolve().then: a check that throws synchronously counts as down, not as a crash.
        await withTimeout(Promise.resolve().then(() => dependency.check()), timeoutMs, dependency.name);
        return 'up';
      } catch {
        return 'down';
      }
    }),
  );
  const checks: Record<string, CheckStatus> = {};
  dependencies.forEach((dependency, i) => (checks[dependency.name] = statuses[i]));
  const down = dependencies.filter((_, i) => statuses[i] === 'down').map((d) => d.name);
  return { ready: down.length === 0, checks, down };
}

/** Redis answers PING; closing quits the connection (or drops it when it is not connected). */
export function redisDependency(redis: Redis, name = 'redis'): DependencyCheck {
  return {
    name,
    async check() {
      // ioredis queues commands while disconnected; a queued PING would only
      // time out, so a client that is not connected is down right away.
      if (redis.status !== 'ready') throw new Error(`${name} is ${redis.status}`);
      await redis.ping();
    },
    async close() {
      // Already closing or closed: a disconnect() now would wait 2 s for a
      // 'close' event that has already happened, holding the process open.
      if (redis.status === 'end' || redis.status === 'close') return;
      if (redis.status !== 'ready') {
        redis.disconnect();
        return;
      }
      await redis.quit().catch(() => undefined);
    },
  };
}

/**
 * A SQL database through any client that can run a raw query and disconnect,
 * such as a Prisma client (structurally typed: the kit does not import any
 * service's generated client).
 */
export function sqlDependency(
  client: { $queryRawUnsafe(query: string): Promise<unknown>; $disconnect(): Promise<void> },
  name = 'postgres',
): DependencyCheck {
  return {
    name,
    async check() {
      await client.$queryRawUnsafe('SELECT 1');
    },
    close: () => client.$disconnect(),
  };
}
